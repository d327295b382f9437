using Nethereum.Contracts;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Contracts;

/// <summary>Reads anchors from CertificateAnchor and, given a department's sender, anchors batch roots.</summary>
public sealed class CertificateAnchorClient(IWeb3 web3, string anchorAddress)
{
    public string Address => anchorAddress;

    /// <summary>The anchor of a root by the given issuer account, or null when that account never anchored it.</summary>
    public async Task<AnchorStruct?> GetAnchorAsync(string issuer, byte[] root)
    {
        var answer = await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<AnchorOfFunction>()
            .QueryDeserializingToObjectAsync<AnchorOfOutput>(new AnchorOfFunction { Issuer = issuer, Root = root }, anchorAddress));
        var anchor = answer.Value?.Anchor;
        return anchor is null || anchor.BlockNumber == 0 ? null : anchor;
    }

    public Task<TransactionOutcome> AnchorAsync(
        TransactionSender department, byte[] root, uint leafCount, HashAlgorithmId hash, IEnumerable<string> typeCodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        var message = new AnchorFunction
        {
            Root = root,
            LeafCount = leafCount,
            HashAlgorithm = (byte)hash,
            TypeIds = typeCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(CertificateTypeId.Of).ToList(),
        };
        return department.SendAsync(message.CreateTransactionInput(anchorAddress), cancellationToken);
    }
}
