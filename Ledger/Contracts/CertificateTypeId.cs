using System.Text;
using Nethereum.Util;

namespace TrustLedger.Ledger.Contracts;

/// <summary>The registry key of a GB/T 36904 certificate type code: keccak256 of its UTF-8 bytes, as IssuerRegistry.typeIdOf computes it.</summary>
public static class CertificateTypeId
{
    public static byte[] Of(string typeCode) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(typeCode));
}
