using Nethereum.Contracts;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Contracts;

/// <summary>The governance admin's writes to IssuerRegistry: departments and their type grants.</summary>
public sealed class IssuerRegistryAdmin(TransactionSender admin, string registryAddress)
{
    public Task<TransactionOutcome> RegisterDepartmentAsync(string account, string creditCode, string name, CancellationToken cancellationToken = default) =>
        admin.SendAsync(new RegisterDepartmentFunction { Account = account, CreditCode = creditCode, Name = name }.CreateTransactionInput(registryAddress), cancellationToken);

    public Task<TransactionOutcome> SetDepartmentActiveAsync(string account, bool active, CancellationToken cancellationToken = default) =>
        admin.SendAsync(new SetDepartmentActiveFunction { Account = account, Active = active }.CreateTransactionInput(registryAddress), cancellationToken);

    public Task<TransactionOutcome> GrantTypeAsync(string account, string typeCode, CancellationToken cancellationToken = default) =>
        admin.SendAsync(new GrantTypeFunction { Account = account, TypeCode = typeCode }.CreateTransactionInput(registryAddress), cancellationToken);

    public Task<TransactionOutcome> RevokeTypeAsync(string account, string typeCode, CancellationToken cancellationToken = default) =>
        admin.SendAsync(new RevokeTypeFunction { Account = account, TypeCode = typeCode }.CreateTransactionInput(registryAddress), cancellationToken);
}
