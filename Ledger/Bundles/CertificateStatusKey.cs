using System.Text;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Bundles;

/// <summary>
/// The key a certificate's status is recorded under on chain: SM3("trustledger.status.v1" ‖ salt ‖
/// identifier). Whoever holds the bundle (which carries the salt) can compute it; the chain alone
/// cannot be searched for an identifier, and keys of different certificates are unlinkable.
/// </summary>
public static class CertificateStatusKey
{
    private static readonly byte[] Domain = "trustledger.status.v1"u8.ToArray();

    public static byte[] Of(ReadOnlySpan<byte> salt, string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Sm3HashFunction.Instance.Hash([.. Domain, .. salt, .. Encoding.UTF8.GetBytes(identifier)]);
    }
}
