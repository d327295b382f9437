using System.Text.RegularExpressions;
using Nethereum.JsonRpc.Client;

namespace TrustLedger.Ledger.Chain;

/// <summary>How an allowlist change was made.</summary>
public enum AllowlistUpdate
{
    /// <summary>Through the node's <c>perm_*</c> API (Besu with PERM in rpc-http-api): in force at once.</summary>
    Node,

    /// <summary>In the generated permissions file (<see cref="ChainOptions.AccountsAllowlistFile"/>): in force once the nodes reload it.</summary>
    File,

    /// <summary>Neither: the node does not permission accounts (Anvil) and no file is configured.</summary>
    NotPermissioned,
}

/// <summary>
/// Keeps Besu's local accounts allowlist in step with IssuerRegistry: a department registered on chain
/// must also be allowed to send transactions (Besu answers -32007 to anyone else). Through
/// <c>perm_addAccountsToAllowlist</c> / <c>perm_removeAccountsFromAllowlist</c> where the node offers
/// them, otherwise by rewriting the <c>accounts-allowlist</c> line of the generated permissions file.
/// </summary>
public sealed partial class AccountsAllowlist(IClient rpc, string? permissionsFile = null)
{
    public Task<AllowlistUpdate> AddAsync(string account) => ChangeAsync("perm_addAccountsToAllowlist", account, add: true);

    public Task<AllowlistUpdate> RemoveAsync(string account) => ChangeAsync("perm_removeAccountsFromAllowlist", account, add: false);

    private async Task<AllowlistUpdate> ChangeAsync(string method, string account, bool add)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        try
        {
            await TransactionSender.RpcCall(() => rpc.SendRequestAsync<string>(method, null, new object[] { new[] { account.ToLowerInvariant() } }));
            return AllowlistUpdate.Node;
        }
        catch (RpcResponseException ex) when (ex.RpcError?.Code is -32601 or -32604 || ex.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            // The node has no PERM API (Anvil, or PERM not enabled): fall back to the file.
        }
        catch (RpcResponseException ex) when (add && ex.Message.Contains("exist", StringComparison.OrdinalIgnoreCase))
        {
            return AllowlistUpdate.Node; // already allowlisted
        }

        if (permissionsFile is null || !File.Exists(permissionsFile))
        {
            return AllowlistUpdate.NotPermissioned;
        }

        var text = await File.ReadAllTextAsync(permissionsFile);
        var line = AllowlistLine().Match(text);
        var accounts = line.Success ? Quoted().Matches(line.Groups[1].Value).Select(m => m.Groups[1].Value).ToList() : [];
        accounts.RemoveAll(a => string.Equals(a, account, StringComparison.OrdinalIgnoreCase));
        if (add)
        {
            accounts.Add(account.ToLowerInvariant());
        }

        var updated = $"accounts-allowlist=[{string.Join(",", accounts.Select(a => $"\"{a}\""))}]";
        text = line.Success ? text.Replace(line.Value, updated, StringComparison.Ordinal) : text + updated + "\n";
        // Written beside the file and moved over it, so a node reloading it never reads half a file.
        var temporary = permissionsFile + ".tmp";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, permissionsFile, overwrite: true);
        return AllowlistUpdate.File;
    }

    [GeneratedRegex(@"^accounts-allowlist=\[(.*)\]$", RegexOptions.Multiline)]
    private static partial Regex AllowlistLine();

    [GeneratedRegex("\"(0x[0-9a-fA-F]{40})\"")]
    private static partial Regex Quoted();
}
