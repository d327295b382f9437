using System.Collections.Concurrent;
using System.Data.Common;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Anchoring.Accounts;

/// <summary>
/// The send journal of every instance over one database: each account's next nonce
/// (<c>chain_accounts</c>) and its signed transactions (<c>chain_transactions</c>). In this process
/// one send per account runs at a time; across instances on PostgreSQL a transaction-scoped advisory
/// lock on the account is held for the length of a slot (released by the database if the instance
/// dies). Journal writes commit at once, on a connection of their own, so what was signed is durable
/// before it is broadcast. SQLite serves one instance, which the in-process turn covers.
/// </summary>
public sealed class DatabaseSendJournal(IServiceScopeFactory scopes, TimeProvider time) : ISendJournal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ISendSlot> OpenAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = account.ToLowerInvariant();
        var turn = _turns.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        AsyncServiceScope? scope = null;
        DbConnection? lockConnection = null;
        DbTransaction? lockTransaction = null;
        try
        {
            scope = scopes.CreateAsyncScope();
            var store = scope.Value.ServiceProvider.GetRequiredService<CertificateStore>();
            if (store is PostgresCertificateStore)
            {
                // A connection of its own holds the lock; the store's own connection autocommits the journal.
                lockConnection = new Npgsql.NpgsqlConnection(store.Database.GetConnectionString());
                await lockConnection.OpenAsync(cancellationToken);
                lockTransaction = await lockConnection.BeginTransactionAsync(cancellationToken);
                await using var command = lockConnection.CreateCommand();
                command.Transaction = lockTransaction;
                // Bounded: a holder frozen or cut off (its session still alive to PostgreSQL) makes this a
                // retryable failure of the step after 20 s, not a wait for TCP keepalive.
                command.CommandText = "SET LOCAL lock_timeout = '20s'; SELECT pg_advisory_xact_lock(@key)";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "key";
                parameter.Value = LockKey(key);
                command.Parameters.Add(parameter);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await store.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO chain_accounts ("Account", "NextNonce") VALUES ({key}, -1) ON CONFLICT ("Account") DO NOTHING""", cancellationToken);
            var next = await store.ChainAccounts.AsNoTracking().Where(a => a.Account == key).Select(a => a.NextNonce).SingleAsync(cancellationToken);
            return new Slot(key, next < 0 ? null : next, store, scope.Value, lockConnection, lockTransaction, turn, time);
        }
        catch
        {
            if (lockTransaction is not null)
            {
                await lockTransaction.DisposeAsync();
            }

            if (lockConnection is not null)
            {
                await lockConnection.DisposeAsync();
            }

            if (scope is { } created)
            {
                await created.DisposeAsync();
            }

            turn.Release();
            throw;
        }
    }

    // pg_advisory_xact_lock takes a bigint: the first 8 bytes of SHA-256 over a name of this journal's own.
    private static long LockKey(string account) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("trustledger.send-journal:" + account)), 0);

    private sealed class Slot(
        string account, long? next, CertificateStore store, AsyncServiceScope scope, DbConnection? lockConnection, DbTransaction? lockTransaction, SemaphoreSlim turn, TimeProvider time) : ISendSlot
    {
        private bool _closed;

        public BigInteger? NextNonce { get; private set; } = next;

        public async Task<string?> SignedTransactionAsync(BigInteger nonce, CancellationToken cancellationToken)
        {
            var value = (long)nonce;
            return await store.ChainTransactions.AsNoTracking().Where(t => t.Account == account && t.Nonce == value).Select(t => t.SignedTransaction).SingleOrDefaultAsync(cancellationToken);
        }

        public async Task RecordAsync(BigInteger nonce, string transactionHash, string signedTransaction, CancellationToken cancellationToken)
        {
            var value = (long)nonce;
            var at = time.GetUtcNow().UtcTicks;
            await store.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO chain_transactions ("Account", "Nonce", "Hash", "SignedTransaction", "RecordedAt") VALUES ({account}, {value}, {transactionHash}, {signedTransaction}, {at})
                ON CONFLICT ("Account", "Nonce") DO UPDATE SET "Hash" = excluded."Hash", "SignedTransaction" = excluded."SignedTransaction", "RecordedAt" = excluded."RecordedAt"
                """, cancellationToken);
            await store.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE chain_accounts SET "NextNonce" = {value + 1} WHERE "Account" = {account} AND "NextNonce" < {value + 1}""", cancellationToken);
            if (NextNonce is null || nonce + 1 > NextNonce)
            {
                NextNonce = nonce + 1;
            }
        }

        public async Task ForgetAsync(BigInteger nonce, CancellationToken cancellationToken)
        {
            var value = (long)nonce;
            await store.Database.ExecuteSqlInterpolatedAsync(
                $"""DELETE FROM chain_transactions WHERE "Account" = {account} AND "Nonce" = {value}""", cancellationToken);
            await store.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE chain_accounts SET "NextNonce" = {value} WHERE "Account" = {account} AND "NextNonce" = {value + 1}""", cancellationToken);
            if (NextNonce == nonce + 1)
            {
                NextNonce = nonce;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            try
            {
                if (lockTransaction is not null)
                {
                    // Ending the transaction releases the advisory lock; nothing was written in it.
                    await lockTransaction.DisposeAsync();
                }

                if (lockConnection is not null)
                {
                    await lockConnection.DisposeAsync();
                }

                await scope.DisposeAsync();
            }
            finally
            {
                turn.Release();
            }
        }
    }
}
