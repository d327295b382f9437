namespace TrustLedger.CertService.Storage;

/// <summary>
/// Where a record stands whose fact is written on chain first (a dataset version, a catalog revision,
/// a seal registration). The record is stored <see cref="Prepared"/> before the transaction is sent,
/// so a crash or a failed database write between the two leaves a record that the reconciliation
/// settles from the chain: <see cref="Published"/> when the chain holds it, <see cref="Abandoned"/>
/// when it never got there.
/// </summary>
public static class ChainWriteStates
{
    public const string Prepared = "prepared";
    public const string Published = "published";
    public const string Abandoned = "abandoned";
}
