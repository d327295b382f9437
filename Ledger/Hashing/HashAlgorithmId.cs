namespace TrustLedger.Ledger.Hashing;

/// <summary>Hash algorithm ids as recorded on chain by <c>CertificateAnchor</c> (HASH_SM3 = 1, HASH_SHA256 = 2).</summary>
public enum HashAlgorithmId : byte
{
    Sm3 = 1,
    Sha256 = 2,
}
