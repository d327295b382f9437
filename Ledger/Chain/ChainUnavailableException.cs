namespace TrustLedger.Ledger.Chain;

/// <summary>The chain node could not be reached or did not answer in time: an outage, not an outcome.</summary>
public sealed class ChainUnavailableException : Exception
{
    public ChainUnavailableException()
    {
    }

    public ChainUnavailableException(string message)
        : base(message)
    {
    }

    public ChainUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
