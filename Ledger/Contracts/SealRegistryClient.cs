using System.Text;
using Nethereum.Contracts;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Contracts;

/// <summary>Reads SealRegistry; with the governance admin's sender, registers seals and changes their status.</summary>
public sealed class SealRegistryClient(IWeb3 web3, string registryAddress)
{
    public string Address => registryAddress;

    /// <summary>The on-chain id of a seal code (GB/T 38540 esID): SM3 of its UTF-8 bytes.</summary>
    public static byte[] SealIdOf(string sealCode) => Sm3HashFunction.Instance.Hash(Encoding.UTF8.GetBytes(sealCode));

    /// <summary>What goes on chain for a seal's SM2 public key: SM3 of the uncompressed point.</summary>
    public static byte[] PublicKeyHashOf(ReadOnlySpan<byte> uncompressedPublicKey) => Sm3HashFunction.Instance.Hash(uncompressedPublicKey);

    public async Task<(SealStruct Seal, SealStatus Status)?> GetAsync(string sealCode)
    {
        var answer = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<SealOfFunction>()
            .QueryDeserializingToObjectAsync<SealOfOutput>(new SealOfFunction { SealId = SealIdOf(sealCode) }, registryAddress))).Value!;
        return answer.Seal.RegisteredAtBlock == 0 ? null : (answer.Seal, (SealStatus)answer.Status);
    }

    public async Task<SealStatus> StatusAtAsync(string sealCode, ulong blockNumber) =>
        (SealStatus)(await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<SealStatusAtFunction>()
            .QueryAsync<byte>(registryAddress, new SealStatusAtFunction { SealId = SealIdOf(sealCode), BlockNumber = blockNumber }))).Value;

    /// <summary>Whether the seal was active at the block and <paramref name="sealedAt"/> lies in its validity window.</summary>
    public async Task<bool> WasValidAtAsync(string sealCode, ulong blockNumber, DateTimeOffset sealedAt) =>
        (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<SealWasValidAtFunction>()
            .QueryAsync<bool>(registryAddress, new SealWasValidAtFunction { SealId = SealIdOf(sealCode), BlockNumber = blockNumber, Timestamp = (ulong)sealedAt.ToUnixTimeSeconds() }))).Value;

    public Task<TransactionOutcome> RegisterAsync(
        TransactionSender governance, string sealCode, string ownerAccount, ReadOnlySpan<byte> publicKey, DateTimeOffset validFrom, DateTimeOffset validUntil, byte sealType, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(governance);
        var message = new RegisterSealFunction
        {
            SealId = SealIdOf(sealCode),
            Owner = ownerAccount,
            PublicKeyHash = PublicKeyHashOf(publicKey),
            ValidFrom = (ulong)validFrom.ToUnixTimeSeconds(),
            ValidUntil = (ulong)validUntil.ToUnixTimeSeconds(),
            SealType = sealType,
            Name = name,
        };
        return governance.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }

    public Task<TransactionOutcome> SuspendAsync(TransactionSender governance, string sealCode, ushort reason, CancellationToken cancellationToken = default) =>
        Send(governance, new SuspendSealFunction { SealId = SealIdOf(sealCode), ReasonCode = reason }, cancellationToken);

    public Task<TransactionOutcome> ReinstateAsync(TransactionSender governance, string sealCode, CancellationToken cancellationToken = default) =>
        Send(governance, new ReinstateSealFunction { SealId = SealIdOf(sealCode) }, cancellationToken);

    public Task<TransactionOutcome> RevokeAsync(TransactionSender governance, string sealCode, ushort reason, CancellationToken cancellationToken = default) =>
        Send(governance, new RevokeSealFunction { SealId = SealIdOf(sealCode), ReasonCode = reason }, cancellationToken);

    private Task<TransactionOutcome> Send<T>(TransactionSender governance, T message, CancellationToken cancellationToken)
        where T : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(governance);
        return governance.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }
}
