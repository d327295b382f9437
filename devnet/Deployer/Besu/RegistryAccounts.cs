using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Deployer.Besu;

/// <summary>
/// The accounts that must be able to send transactions on the production chain: every department
/// registered in IssuerRegistry, and every account holding a role (governance admin, registrars,
/// recorders) on any TrustLedger contract now, read from the contracts' events in chunks of at most
/// 5,000 blocks. Nothing else belongs in the accounts allowlist.
/// </summary>
public static class RegistryAccounts
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IWeb3 web3, DeploymentRecord deployment, ulong toBlock)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var reader = new ChunkedLogReader(web3);
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var registered in await reader.ReadAsync<DepartmentRegisteredEvent>(deployment.IssuerRegistry, deployment.DeployedAtBlock, toBlock))
        {
            accounts.Add(registered.Event.Account.ToLowerInvariant());
        }

        string?[] contracts = [deployment.IssuerRegistry, deployment.CertificateAnchor, deployment.SealRegistry, deployment.AuditTrail, deployment.CertificateStatus, deployment.DataRegistry];
        foreach (var contract in contracts.OfType<string>())
        {
            // Replayed in order: a role revoked later leaves the list unless the account still holds another.
            var held = new Dictionary<(string, string), bool>();
            var changes = (await reader.ReadAsync<RoleGrantedEvent>(contract, deployment.DeployedAtBlock, toBlock)).Select(e => (e.Log.BlockNumber.Value, e.Log.LogIndex.Value, e.Event.Account, Convert.ToHexString(e.Event.Role), true))
                .Concat((await reader.ReadAsync<RoleRevokedEvent>(contract, deployment.DeployedAtBlock, toBlock)).Select(e => (e.Log.BlockNumber.Value, e.Log.LogIndex.Value, e.Event.Account, Convert.ToHexString(e.Event.Role), false)))
                .OrderBy(c => c.Item1).ThenBy(c => c.Item2);
            foreach (var (_, _, account, role, granted) in changes)
            {
                held[(account.ToLowerInvariant(), role)] = granted;
            }

            accounts.UnionWith(held.Where(h => h.Value).Select(h => h.Key.Item1));
        }

        return [.. accounts];
    }

    [Event("DepartmentRegistered")]
    public sealed class DepartmentRegisteredEvent : IEventDTO
    {
        [Parameter("address", "account", 1, true)]
        public string Account { get; set; } = "";

        [Parameter("string", "creditCode", 2, false)]
        public string CreditCode { get; set; } = "";

        [Parameter("string", "name", 3, false)]
        public string Name { get; set; } = "";

        [Parameter("address", "by", 4, true)]
        public string By { get; set; } = "";
    }

    /// <summary>AccessControl's RoleGranted and RoleRevoked carry the same fields.</summary>
    public abstract class RoleChangeEvent : IEventDTO
    {
        [Parameter("bytes32", "role", 1, true)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2, true)]
        public string Account { get; set; } = "";

        [Parameter("address", "sender", 3, true)]
        public string Sender { get; set; } = "";
    }

    [Event("RoleGranted")]
    public sealed class RoleGrantedEvent : RoleChangeEvent;

    [Event("RoleRevoked")]
    public sealed class RoleRevokedEvent : RoleChangeEvent;
}
