using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Seals;

/// <summary>
/// A seal's registration in SealRegistry, sent once: a seal the chain already holds with this
/// record's key and owner (sent before a crash) counts as registered; one it holds with another key
/// is a refusal.
/// </summary>
public static class SealRegistration
{
    public static async Task<TransactionOutcome> SendAsync(SealRegistryClient registry, TransactionSender governance, SealRecord seal, string ownerAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(seal);
        if (await registry.GetAsync(seal.Code) is { } onChain)
        {
            return Matches(onChain.Seal, seal, ownerAccount)
                ? TransactionOutcome.Mined(seal.RegistrationTransaction ?? "", onChain.Seal.RegisteredAtBlock, null)
                : TransactionOutcome.Reverted(new ContractRevert("SealAlreadyRegistered", $"seal {seal.Code} is registered on chain with another key or owner", null));
        }

        return await registry.RegisterAsync(governance, seal.Code, ownerAccount, seal.PublicKey, seal.ValidFrom, seal.ValidUntil, seal.SealType, seal.Name, cancellationToken);
    }

    /// <summary>True when the chain's seal is this record's: the same key hash and owner.</summary>
    public static bool Matches(SealStruct onChain, SealRecord seal, string ownerAccount)
    {
        ArgumentNullException.ThrowIfNull(onChain);
        ArgumentNullException.ThrowIfNull(seal);
        return onChain.PublicKeyHash.AsSpan().SequenceEqual(SealRegistryClient.PublicKeyHashOf(seal.PublicKey))
            && string.Equals(onChain.Owner, ownerAccount, StringComparison.OrdinalIgnoreCase);
    }
}
