using TrustLedger.Ledger.Bundles;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// For a data-only certificate: passes when its <c>dataSeal</c> is well formed and its signature,
/// by the public key it names, covers the certificate's data, the seal code and the signing time
/// (<see cref="DataSeal"/>). Whether that key is the seal's registered key is the next check's business.
/// </summary>
public sealed class DataSealSignatureCheck : IBundleCheck
{
    public const string CheckName = "data-seal-signature";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [IntegrityCheck.CheckName];

    public bool AppliesTo(BundleEvidence evidence) => evidence?.Document is null && evidence?.DataSealBinding is not null;

    public Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (!DataSeal.TryRead(evidence.DataSealBinding!.Value, out var seal, out var problem))
        {
            return Task.FromResult(CheckResult.Fail(Name, problem));
        }

        if (!seal!.Verifies(evidence.Bundle.Certificate))
        {
            return Task.FromResult(CheckResult.Fail(Name, $"the data seal's {seal.Suite} signature does not verify over the certificate with the key it names: the seal is forged"));
        }

        evidence.Seal = new DocumentSeal(seal.PublicKey, seal.SignedAt, [], null, seal.Suite);
        return Task.FromResult(CheckResult.Pass(Name, $"the certificate data is signed by the key the data seal {seal.Code} names ({seal.Suite})"));
    }
}
