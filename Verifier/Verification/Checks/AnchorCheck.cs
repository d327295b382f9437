using System.Globalization;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the root is anchored on the trusted CertificateAnchor contract by the account
/// registered for the issuer the certificate names, with the same hash algorithm and the same leaf
/// count as the proof's tree size (a path alone does not bind the size). Anchors are kept per
/// issuing account, so a copy of the root anchored by any other account is never the one found.
/// The bundle's block number and transaction hash must be that anchor's: the transaction is read
/// from the chain and must be a successful one whose BatchAnchored event names this contract, root
/// and account, in that block. Records who anchored it, in which block and when, for the checks after it.
/// </summary>
public sealed class AnchorCheck(CertificateAnchorClient anchors, ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "anchor";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        if (evidence.IssuerCode is not { } issuerCode)
        {
            return CheckResult.Fail(Name, "the certificate names no issuer whose anchor could be looked up");
        }

        if (await chain.AccountOfAsync(issuerCode) is not { } account)
        {
            return CheckResult.Fail(Name, $"the issuer the certificate names, {issuerCode}, is not a registered department");
        }

        var anchor = await chain.AnchorAsync(account, evidence.Root);
        if (anchor is null)
        {
            return CheckResult.Fail(Name, $"root {evidence.Bundle.Proof.Root} is not anchored on {anchors.Address} by {issuerCode}'s account {account}");
        }

        if (anchor.HashAlgorithm != (byte)evidence.Hash.Id)
        {
            return CheckResult.Fail(Name, $"the root was anchored as hash algorithm {anchor.HashAlgorithm}, the bundle says {evidence.Hash.Name}");
        }

        if (anchor.LeafCount != evidence.Proof.TreeSize)
        {
            return CheckResult.Fail(Name, $"the anchored tree has {anchor.LeafCount} leaves, the proof claims {evidence.Proof.TreeSize}");
        }

        // The bundle's own account of the anchor (block, transaction) must be the anchor found, not just any words.
        var claimed = evidence.Bundle.Anchor;
        if (claimed.BlockNumber != anchor.BlockNumber)
        {
            return CheckResult.Fail(Name, $"the bundle says block {claimed.BlockNumber}; the root was anchored in block {anchor.BlockNumber}");
        }

        var transaction = await chain.AnchoringTransactionAsync(claimed.TransactionHash);
        if (transaction is null || transaction.Block != anchor.BlockNumber || !transaction.Batches.Any(b =>
                string.Equals(b.Contract, anchors.Address, StringComparison.OrdinalIgnoreCase)
                && b.Root.AsSpan().SequenceEqual(evidence.Root)
                && string.Equals(b.Issuer, account, StringComparison.OrdinalIgnoreCase)))
        {
            return CheckResult.Fail(Name, $"the bundle's transaction {claimed.TransactionHash} is not the one that anchored this root in block {anchor.BlockNumber}");
        }

        evidence.Anchor = anchor;
        var time = DateTimeOffset.FromUnixTimeSeconds((long)anchor.Timestamp).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return CheckResult.Pass(Name, $"root anchored by {anchor.Issuer} in block {anchor.BlockNumber} at {time} ({anchor.LeafCount} leaves)");
    }
}
