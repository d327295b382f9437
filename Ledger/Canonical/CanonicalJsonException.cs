using System.Text.Json;

namespace TrustLedger.Ledger.Canonical;

/// <summary>
/// JSON that has no RFC 8785 canonical form: a member name given twice, a number outside what an
/// IEEE 754 double holds (1e400, a 400-digit integer), a string with a lone surrogate. A
/// <see cref="JsonException"/> naming where (<see cref="JsonException.Path"/>, e.g. <c>$.fields.x</c>),
/// so a service answers it as the caller's bad input (400), never as its own failure.
/// </summary>
public sealed class CanonicalJsonException : JsonException
{
    public CanonicalJsonException()
    {
    }

    public CanonicalJsonException(string message)
        : base(message)
    {
    }

    public CanonicalJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CanonicalJsonException(string message, string path)
        : base(message, path, null, null)
    {
    }
}
