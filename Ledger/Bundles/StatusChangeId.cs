using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Bundles;

/// <summary>
/// The id a status change carries on chain: SM3("trustledger.status-change.v1" ‖ the change's own
/// 16-byte id). CertificateStatusRegistry records each id once, so a change sent twice (after a
/// crash, or by two instances) is recorded once, and the issuing service finds its own change in a
/// history by id rather than by its status and time, which an older change may share. Hashing keeps
/// the time a UUIDv7 carries off the chain.
/// </summary>
public static class StatusChangeId
{
    private static readonly byte[] Domain = "trustledger.status-change.v1"u8.ToArray();

    public static byte[] Of(Guid changeId) => Sm3HashFunction.Instance.Hash([.. Domain, .. changeId.ToByteArray(bigEndian: true)]);
}
