using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Keys;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Receipts;

/// <summary>
/// Signs verification receipts with the Verifier's SM2 key, created on first use and kept encrypted
/// in the Verifier's own keystore (<c>verifier-receipts</c>); the key never leaves this process.
/// </summary>
public sealed class ReceiptSigner(IOptions<ReceiptOptions> options, TimeProvider time) : IDisposable
{
    private const string KeyId = "verifier-receipts";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Sm2KeyPair? _key;

    public async Task<Sm2KeyPair> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var keystore = new FileKeyStore(new KeyStoreOptions { Directory = options.Value.KeystoreDirectory, Passphrase = options.Value.Passphrase, ScryptN = options.Value.ScryptN });
            if (await keystore.FindSecretAsync(KeyId, cancellationToken) is { } secret)
            {
                _key = Sm2KeyPair.FromPrivateKey(secret);
            }
            else
            {
                var created = Sm2KeyPair.Generate();
                await keystore.SaveSecretAsync(KeyId, created.PrivateKeyBytes(), "sm2-receipts", cancellationToken);
                _key = created;
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<VerificationReport> SignAsync(VerificationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = await KeyAsync(cancellationToken);
        var unsigned = report with { Receipt = null };
        var reportSm3 = Convert.ToHexStringLower(Sm3HashFunction.Instance.Hash(Canonical(unsigned)));
        var issuedAt = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var verifier = Convert.ToHexStringLower(key.PublicKeyBytes);
        var signature = Sm2Signature.Sign(key.PrivateKey, SignedPart(reportSm3, issuedAt, verifier));
        return report with { Receipt = new VerificationReceipt(VerificationReceipt.FormatV1, reportSm3, issuedAt, verifier, "SM2-SM3", Convert.ToHexStringLower(signature)) };
    }

    /// <summary>The canonical bytes of a report as the receipt hashes them (the <c>receipt</c> member left out).</summary>
    public static byte[] Canonical(VerificationReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, JsonSerializerOptions.Web)!.AsObject();
        node.Remove("receipt");
        return JsonCanonicalizer.Canonicalize(node.ToJsonString());
    }

    /// <summary>What the signature covers: the canonical JSON of format, reportSm3, issuedAt and verifier.</summary>
    public static byte[] SignedPart(string reportSm3, string issuedAt, string verifier) => JsonCanonicalizer.Canonicalize(new JsonObject
    {
        ["format"] = VerificationReceipt.FormatV1,
        ["reportSm3"] = reportSm3,
        ["issuedAt"] = issuedAt,
        ["verifier"] = verifier,
    }.ToJsonString());

    public void Dispose() => _gate.Dispose();
}
