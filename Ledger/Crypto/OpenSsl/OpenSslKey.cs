using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace TrustLedger.Ledger.Crypto.OpenSsl;

/// <summary>
/// A libcrypto EVP_PKEY made from a BouncyCastle SM2 key, decoded once per key object and kept as
/// long as that object lives (a seal's or the receipt signer's key is used for every signature).
/// The key is encoded on the named curve sm2p256v1 and refused unless libcrypto types it SM2, so an
/// EC key can never be signed with ECDSA by mistake.
/// </summary>
internal sealed unsafe class OpenSslKey : SafeHandle
{
    private static readonly ConditionalWeakTable<ECPrivateKeyParameters, OpenSslKey> PrivateKeys = [];
    private static readonly ConditionalWeakTable<ECPublicKeyParameters, OpenSslKey> PublicKeys = [];
    private static readonly ConcurrentDictionary<string, OpenSslKey> Points = new(StringComparer.Ordinal);
    private const int MaxPoints = 10_000;

    // SubjectPublicKeyInfo { { id-ecPublicKey, sm2p256v1 }, BIT STRING 0x00 ‖ 65-byte point }: the DER before the point.
    private static readonly byte[] Sm2SpkiPrefix = Convert.FromHexString("3059301306072A8648CE3D020106082A811CCF5501822D034200");

    private OpenSslKey(nint key)
        : base(0, ownsHandle: true) => SetHandle(key);

    public override bool IsInvalid => handle == 0;

    public static OpenSslKey Of(ECPrivateKeyParameters key) => PrivateKeys.GetValue(OnSm2Curve(key), static k =>
    {
        var named = new ECPrivateKeyParameters("EC", k.D, GMObjectIdentifiers.sm2p256v1);
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(named).GetDerEncoded();
        try
        {
            fixed (byte* start = der)
            {
                var cursor = start;
                return Checked(LibCrypto.d2i_AutoPrivateKey(null, &cursor, der.Length));
            }
        }
        finally
        {
            Array.Clear(der); // the private scalar leaves no copy behind in managed memory
        }
    });

    public static OpenSslKey Of(ECPublicKeyParameters key) => PublicKeys.GetValue(OnSm2Curve(key), static k =>
    {
        var named = new ECPublicKeyParameters("EC", k.Q, GMObjectIdentifiers.sm2p256v1);
        var der = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(named).GetDerEncoded();
        fixed (byte* start = der)
        {
            var cursor = start;
            return Checked(LibCrypto.d2i_PUBKEY(null, &cursor, der.Length));
        }
    });

    // Re-encoding on the named curve would silently move a key of another curve onto SM2's.
    private static T OnSm2Curve<T>(T key)
        where T : ECKeyParameters =>
        key.Parameters.Curve.Equals(Sm2KeyPair.Curve.Curve) ? key : throw new ArgumentException("the key is not on the SM2 curve sm2p256v1", nameof(key));

    /// <summary>
    /// The key of an uncompressed SM2 point, as a seal names it (0x04 ‖ x ‖ y). Decoded keys are kept
    /// (up to 10,000 points): a seal verifies thousands of certificates with one key.
    /// libcrypto checks that the point lies on the curve.
    /// </summary>
    public static OpenSslKey OfPoint(ReadOnlySpan<byte> point)
    {
        if (point.Length != 65 || point[0] != 0x04)
        {
            throw new ArgumentException("an SM2 public key is an uncompressed point of 65 bytes", nameof(point));
        }

        var id = Convert.ToHexString(point);
        if (Points.TryGetValue(id, out var known))
        {
            return known;
        }

        byte[] der = [.. Sm2SpkiPrefix, .. point];
        OpenSslKey key;
        fixed (byte* start = der)
        {
            var cursor = start;
            key = Checked(LibCrypto.d2i_PUBKEY(null, &cursor, der.Length));
        }

        return Points.Count < MaxPoints ? Points.GetOrAdd(id, key) : key;
    }

    protected override bool ReleaseHandle()
    {
        LibCrypto.EVP_PKEY_free(handle);
        return true;
    }

    private static OpenSslKey Checked(nint key)
    {
        if (key == 0)
        {
            LibCrypto.ERR_clear_error();
            throw new ArgumentException("libcrypto could not decode the SM2 key");
        }

        var wrapped = new OpenSslKey(key);
        if (LibCrypto.EVP_PKEY_is_a(key, "SM2") != 1)
        {
            wrapped.Dispose();
            throw new ArgumentException("the key is not on the SM2 curve");
        }

        return wrapped;
    }
}
