using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Contracts;

/// <summary>Reads the IssuerRegistry contract; writes go through <see cref="IssuerRegistryAdmin"/>.</summary>
public sealed class IssuerRegistryClient(IWeb3 web3, string registryAddress)
{
    public string Address => registryAddress;

    public async Task<DepartmentOutput> GetDepartmentAsync(string account) =>
        (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<DepartmentFunction>()
            .QueryDeserializingToObjectAsync<DepartmentOutput>(new DepartmentFunction { Account = account }, registryAddress))).Value!;

    /// <summary>The account registered for a unified social credit code, or null when none is.</summary>
    public async Task<string?> AccountOfAsync(string creditCode)
    {
        var account = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<AccountOfFunction>()
            .QueryAsync<string>(registryAddress, new AccountOfFunction { CreditCode = creditCode }))).Value;
        return string.IsNullOrEmpty(account) || account == "0x0000000000000000000000000000000000000000" ? null : account;
    }

    /// <summary>Whether the account was an active department holding the type at the end of <paramref name="blockNumber"/>.</summary>
    public async Task<bool> WasAuthorisedAtAsync(string account, string typeCode, ulong blockNumber) =>
        (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<WasAuthorisedAtFunction>()
            .QueryAsync<bool>(registryAddress, new WasAuthorisedAtFunction { Account = account, TypeId = CertificateTypeId.Of(typeCode), BlockNumber = blockNumber }))).Value;

    /// <summary>
    /// Whether the department is active, and which of the types it does not hold, read at one block
    /// (the head when asked): a suspension between two reads cannot pass for a revoked type.
    /// </summary>
    public async Task<(bool Active, IReadOnlyList<string> NotHeld)> HoldingsAsync(string account, IEnumerable<string> typeCodes)
    {
        ArgumentNullException.ThrowIfNull(typeCodes);
        var head = (await TransactionSender.RpcCall(() => web3.Eth.Blocks.GetBlockNumber.SendRequestAsync())).Value!;
        var at = new BlockParameter(head);
        var department = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<DepartmentFunction>()
            .QueryDeserializingToObjectAsync<DepartmentOutput>(new DepartmentFunction { Account = account }, registryAddress, at))).Value!;
        var notHeld = new List<string>();
        foreach (var typeCode in typeCodes)
        {
            if (!await IsAuthorisedAsync(account, typeCode, at))
            {
                notHeld.Add(typeCode);
            }
        }

        return (department.Active, notHeld);
    }

    public Task<bool> IsAuthorisedAsync(string account, string typeCode) => IsAuthorisedAsync(account, typeCode, BlockParameter.CreateLatest());

    private async Task<bool> IsAuthorisedAsync(string account, string typeCode, BlockParameter at) =>
        (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<IsAuthorisedFunction>()
            .QueryAsync<bool>(registryAddress, new IsAuthorisedFunction { Account = account, TypeId = CertificateTypeId.Of(typeCode) }, at))).Value;
}
