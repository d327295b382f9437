using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Hands out certificate serials per (issuer, type, year) from blocks reserved in the store's
/// atomic counter, <see cref="IssuanceOptions.SerialBlockSize"/> at a time. A block is reserved
/// only by an autocommitted statement, so it is durable before any of it is handed out: two
/// instances never share a serial and none is handed out twice after a crash. Inside a caller's
/// transaction (an idempotent request, a bulk import) one serial is reserved in that transaction
/// instead, so a rollback takes it back together with the certificates and no block outlives it; serials left unused in a block when an instance stops are skipped (GB/T 36904
/// asks for unique serials, not gap-free ones). With a block size of 1 every serial is reserved
/// alone, as before, at the cost of one committed write per certificate on one contended row.
/// </summary>
public sealed class SerialAllocator(IOptions<IssuanceOptions> options)
{
    private readonly ConcurrentDictionary<(string Issuer, string Type, int Year), Block> _blocks = new();

    public async Task<long> NextAsync(CertificateStore store, string issuerCode, string typeCode, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Database.CurrentTransaction is not null)
        {
            return await store.ReserveSerialsAsync(issuerCode, typeCode, year, 1, cancellationToken);
        }

        var block = _blocks.GetOrAdd((issuerCode, typeCode, year), _ => new Block());
        while (true)
        {
            if (block.TryTake(out var serial))
            {
                return serial;
            }

            await block.Refill.WaitAsync(cancellationToken);
            try
            {
                if (block.IsEmpty)
                {
                    var size = Math.Max(1, options.Value.SerialBlockSize);
                    var last = await store.ReserveSerialsAsync(issuerCode, typeCode, year, size, cancellationToken);
                    block.Reset(last - size + 1, last);
                }
            }
            finally
            {
                block.Refill.Release();
            }
        }
    }

    private sealed class Block
    {
        private readonly Lock _gate = new();
        private long _next = 1;
        private long _last;

        public SemaphoreSlim Refill { get; } = new(1, 1);

        public bool IsEmpty => Interlocked.Read(ref _next) > Interlocked.Read(ref _last);

        public bool TryTake(out long serial)
        {
            lock (_gate)
            {
                serial = _next;
                if (_next > _last)
                {
                    return false;
                }

                _next++;
                return true;
            }
        }

        public void Reset(long first, long last)
        {
            lock (_gate)
            {
                _next = first;
                _last = last;
            }
        }
    }
}
