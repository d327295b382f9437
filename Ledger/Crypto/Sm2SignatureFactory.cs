using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// SM3withSM2 for BouncyCastle's CMS and X.509 builders, signed through <see cref="Sm2Signature"/>
/// (libcrypto where it loads). The algorithm identifier is the one BouncyCastle writes (OID
/// 1.2.156.10197.1.501, no parameters), so the output has the structure BouncyCastle would build.
/// </summary>
public sealed class Sm2SignatureFactory(ECPrivateKeyParameters privateKey) : ISignatureFactory
{
    private static readonly AlgorithmIdentifier Identifier = new(GMObjectIdentifiers.sm2sign_with_sm3);

    public object AlgorithmDetails => Identifier;

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(privateKey);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A MemoryStream holds no unmanaged resource, and BouncyCastle never disposes calculators.")]
    private sealed class Calculator(ECPrivateKeyParameters privateKey) : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream _signed = new();

        public Stream Stream => _signed;

        public IBlockResult GetResult() =>
            new SimpleBlockResult(Sm2Signature.Sign(privateKey, _signed.ToArray())); // BouncyCastle closes the stream first; ToArray still reads it
    }
}
