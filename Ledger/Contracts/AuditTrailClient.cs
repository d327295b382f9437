using System.Text;
using Nethereum.Contracts;
using Nethereum.Util;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Contracts;

/// <summary>Anchors audit-trail roots in AuditTrail (governance's recorder role) and reads them back.</summary>
public sealed class AuditTrailClient(IWeb3 web3, string trailAddress)
{
    public string Address => trailAddress;

    /// <summary>The on-chain kind of a trail: keccak256 of its name, e.g. <c>trustledger.sharing.v1</c>.</summary>
    public static byte[] KindOf(string name) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(name));

    public async Task<TrailEntryStruct?> GetAsync(byte[] root)
    {
        var answer = await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<TrailAnchorOfFunction>()
            .QueryDeserializingToObjectAsync<TrailAnchorOfOutput>(new TrailAnchorOfFunction { Root = root }, trailAddress));
        var entry = answer.Value?.Entry;
        return entry is null || entry.BlockNumber == 0 ? null : entry;
    }

    public Task<TransactionOutcome> AnchorAsync(TransactionSender recorder, byte[] root, string kind, uint count, HashAlgorithmId hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var message = new AnchorTrailFunction { Root = root, Kind = KindOf(kind), Count = count, HashAlgorithm = (byte)hash };
        return recorder.SendAsync(message.CreateTransactionInput(trailAddress), cancellationToken);
    }
}
