using System.Collections.Concurrent;
using System.Numerics;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// The journal of a single process (the deployer, tools, tests): nonces and the most recent signed
/// transactions of each account, in memory. A restart starts from the node's own nonce.
/// </summary>
public sealed class InMemorySendJournal : ISendJournal
{
    private const int KeptPerAccount = 256;

    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ISendSlot> OpenAsync(string account, CancellationToken cancellationToken)
    {
        var entry = _accounts.GetOrAdd(account, _ => new Account());
        await entry.Gate.WaitAsync(cancellationToken);
        return new Slot(entry);
    }

    private sealed class Account
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public BigInteger? Next { get; set; }

        public SortedDictionary<BigInteger, string> Signed { get; } = [];
    }

    private sealed class Slot(Account account) : ISendSlot
    {
        private bool _released;

        public BigInteger? NextNonce => account.Next;

        public Task<string?> SignedTransactionAsync(BigInteger nonce, CancellationToken cancellationToken) =>
            Task.FromResult(account.Signed.TryGetValue(nonce, out var signed) ? signed : null);

        public Task RecordAsync(BigInteger nonce, string transactionHash, string signedTransaction, CancellationToken cancellationToken)
        {
            account.Signed[nonce] = signedTransaction;
            while (account.Signed.Count > KeptPerAccount)
            {
                account.Signed.Remove(account.Signed.Keys.First());
            }

            if (account.Next is null || nonce + 1 > account.Next)
            {
                account.Next = nonce + 1;
            }

            return Task.CompletedTask;
        }

        public Task ForgetAsync(BigInteger nonce, CancellationToken cancellationToken)
        {
            account.Signed.Remove(nonce);
            if (account.Next == nonce + 1)
            {
                account.Next = nonce;
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_released)
            {
                _released = true;
                account.Gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
