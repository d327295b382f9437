using System.Text.Json;
using System.Text.RegularExpressions;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// Turns a posted bundle into evidence, or lists every field that is not of the v1 shape. A bundle
/// that is well-formed but false is not rejected here: the checks report what is false about it.
/// </summary>
public static partial class BundleReader
{
    public static (BundleEvidence? Evidence, Dictionary<string, string[]> Errors) Read(CertificateBundle? bundle)
    {
        var errors = new Dictionary<string, string[]>();
        if (bundle is null)
        {
            errors["$"] = ["须提供证照包。A bundle is required."];
            return (null, errors);
        }

        if (bundle.Format != CertificateBundle.FormatV1)
        {
            errors["format"] = [$"format 须为 {CertificateBundle.FormatV1}。format must be {CertificateBundle.FormatV1}."];
        }

        if (bundle.Certificate.ValueKind != JsonValueKind.Object)
        {
            errors["certificate"] = ["certificate 须为 JSON 对象。certificate must be a JSON object."];
        }
        else
        {
            try
            {
                JsonCanonicalizer.Canonicalize(bundle.Certificate);
            }
            catch (CanonicalJsonException ex)
            {
                // No canonical form means no leaf to recompute: not a bundle, rather than a failed integrity check.
                errors["certificate" + (ex.Path ?? "$")[1..]] = [$"the certificate has no canonical form (RFC 8785): {ex.Message}"];
            }
        }

        Require(errors, "salt", bundle.Salt, Hex32());
        Require(errors, "leafHash", bundle.LeafHash, Hex64());
        if (!HashFunctions.TryByName(bundle.HashAlgorithm, out var hash))
        {
            errors["hashAlgorithm"] = ["hashAlgorithm 须为 SM3 或 SHA-256。hashAlgorithm must be SM3 or SHA-256."];
        }

        if (bundle.Proof is null)
        {
            errors["proof"] = ["须提供 proof。proof is required."];
        }
        else
        {
            Require(errors, "proof.root", bundle.Proof.Root, Hex64());
            if (bundle.Proof.Path is null || bundle.Proof.Path.Any(p => p is null || !Hex64().IsMatch(p)))
            {
                errors["proof.path"] = ["proof.path 须为 32 字节十六进制哈希的列表。proof.path must be a list of 32-byte hex hashes."];
            }

            if (bundle.Proof.TreeSize < 1 || bundle.Proof.LeafIndex < 0)
            {
                errors["proof.treeSize"] = ["proof.treeSize 至少为 1，proof.leafIndex 不得为负。proof.treeSize must be at least 1 and proof.leafIndex not negative."];
            }
        }

        if (bundle.Anchor is null)
        {
            errors["anchor"] = ["须提供 anchor。anchor is required."];
        }
        else
        {
            Require(errors, "anchor.contract", bundle.Anchor.Contract, Address());
            Require(errors, "anchor.registry", bundle.Anchor.Registry, Address());
            Require(errors, "anchor.transactionHash", bundle.Anchor.TransactionHash, TransactionHash());
            if (bundle.Anchor.ChainId < 1 || bundle.Anchor.BlockNumber < 1)
            {
                errors["anchor.blockNumber"] = ["须提供 anchor.chainId 与 anchor.blockNumber（正整数）。anchor.chainId and anchor.blockNumber are required (positive integers)."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var proof = new InclusionProof(bundle.Proof!.LeafIndex, bundle.Proof.TreeSize, bundle.Proof.Path!.Select(Convert.FromHexString).ToList());
        var evidence = new BundleEvidence(bundle, hash, Convert.FromHexString(bundle.LeafHash), Convert.FromHexString(bundle.Proof.Root), proof);
        return (evidence, errors);
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, Regex pattern)
    {
        if (value is null || !pattern.IsMatch(value))
        {
            errors[field] = [$"{field} 缺失或不是规定的十六进制形式。{field} is missing or not in the expected hex form."];
        }
    }

    [GeneratedRegex(@"\A[0-9a-fA-F]{32}\z")]
    private static partial Regex Hex32();

    [GeneratedRegex(@"\A[0-9a-fA-F]{64}\z")]
    private static partial Regex Hex64();

    [GeneratedRegex(@"\A0x[0-9a-fA-F]{40}\z")]
    private static partial Regex Address();

    [GeneratedRegex(@"\A0x[0-9a-fA-F]{64}\z")]
    private static partial Regex TransactionHash();
}
