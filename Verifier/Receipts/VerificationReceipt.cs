namespace TrustLedger.Verifier.Receipts;

/// <summary>
/// A signed verification receipt (核验回执): the Verifier attests that it gave this report at this
/// time. <c>reportSm3</c> is SM3 of the report's RFC 8785 canonical JSON without the <c>receipt</c>
/// member; the SM2 signature (SM3, default user id) covers the canonical JSON of the four members
/// before it. A relying agency files report and receipt together as evidence.
/// </summary>
public sealed record VerificationReceipt(string Format, string ReportSm3, string IssuedAt, string Verifier, string Algorithm, string Signature)
{
    public const string FormatV1 = "trustledger.receipt.v1";
}
