using System.Globalization;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// The to-be-signed fields of a GB/T 38540 electronic-seal signature (TBS_Sign) that fit inside a
/// PDF signature, carried as one signed attribute of the CMS so the seal's signature covers them:
/// <code>
/// SesSignatureInfo ::= SEQUENCE {
///   version       INTEGER,          -- 4, as in GB/T 38540
///   eSealId       UTF8String,       -- the seal code (esID), registered in SealRegistry
///   timeInfo      GeneralizedTime,  -- when the seal was applied
///   dataHash      OCTET STRING,     -- digest of the signed byte ranges (= CMS messageDigest)
///   propertyInfo  UTF8String }      -- what was sealed: "certificate:{identifier}"
/// </code>
/// The full SES_Signature (with the seal picture and the seal-maker's signature) is a separate
/// binary format that PDF readers do not understand; this keeps its fields in the standard PDF
/// container. The OID is minted from a UUID under 2.25 (X.667), not an assigned GM/T arc.
/// </summary>
public sealed record SesSignatureInfo(int Version, string ESealId, DateTimeOffset TimeInfo, byte[] DataHash, string PropertyInfo)
{
    public const int CurrentVersion = 4;

    public static readonly DerObjectIdentifier AttributeType = new("2.25.194201914400663277162359558321226769995");

    public Attribute ToAttribute() => new(AttributeType, new DerSet(new DerSequence(
        DerInteger.ValueOf(Version),
        new DerUtf8String(ESealId),
        new DerGeneralizedTime(TimeInfo.UtcDateTime),
        new DerOctetString(DataHash),
        new DerUtf8String(PropertyInfo))));

    /// <summary>Reads the attribute from signed attributes; null when absent or malformed.</summary>
    public static SesSignatureInfo? From(AttributeTable? signedAttributes)
    {
        if (signedAttributes?[AttributeType] is not { } attribute || attribute.AttrValues.Count != 1
            || attribute.AttrValues[0] is not Asn1Sequence { Count: 5 } fields)
        {
            return null;
        }

        try
        {
            return new SesSignatureInfo(
                DerInteger.GetInstance(fields[0]).IntValueExact,
                DerUtf8String.GetInstance(fields[1]).GetString(),
                new DateTimeOffset(Asn1GeneralizedTime.GetInstance(fields[2]).ToDateTime(), TimeSpan.Zero),
                Asn1OctetString.GetInstance(fields[3]).GetOctets(),
                DerUtf8String.GetInstance(fields[4]).GetString());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or ArithmeticException)
        {
            return null;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SES v{Version} seal {ESealId} at {TimeInfo:yyyy-MM-dd'T'HH:mm:ss'Z'} for {PropertyInfo}");
}
