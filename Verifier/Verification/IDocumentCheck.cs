namespace TrustLedger.Verifier.Verification;

/// <summary>A check of an uploaded document; run only when a PDF is verified, after the bundle's checks.</summary>
public interface IDocumentCheck : IBundleCheck
{
    bool IBundleCheck.AppliesTo(BundleEvidence evidence) => evidence.Document is not null;
}
