using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;
using Xunit.Abstractions;

namespace TrustLedger.Tests.CertService.DataTrust;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    public const string Name = "alone in the process (memory is measured)";
}

/// <summary>
/// A million-row file anchors with live memory that does not grow with the row count. Measured,
/// and compared with a tenth of the rows; the figures go to the test output (and docs), and the
/// time is reported, never asserted. Runs alone so no other test's memory is counted.
/// </summary>
[Collection(AloneInTheProcess.Name)]
public sealed class DatasetScaleTests(AnvilNode anvil, ITestOutputHelper output) : CertServiceTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>
{
    [Fact]
    public async Task A_million_row_file_anchors_with_the_same_live_memory_as_a_hundred_thousand()
    {
        // Over real sockets (Kestrel on loopback), as a department's system uploads: the in-memory
        // test transport would hold the request body and hide what the service itself keeps.
        var port = FreePort.Next();
        Service.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        using var inProcess = Service.ClientFor(TestDepartments.Demo);
        using var source = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        source.DefaultRequestHeaders.Add("X-Api-Key", inProcess.DefaultRequestHeaders.GetValues("X-Api-Key"));
        using (var admin = Service.AdminClient())
        {
            (await admin.PostAsJsonAsync("/api/v1/admin/data/resources", new
            {
                code = "XA-SCALE-0001", name = "企业年报摘要", sourceDepartment = TestDepartments.Demo.CreditCode, updateCycle = "yearly",
                sharingClass = "unconditional", openClass = "open",
                fields = new object[] { new { name = "creditCode", personal = false }, new { name = "year", personal = false }, new { name = "employees", personal = false }, new { name = "revenue", personal = false } },
            })).EnsureSuccessStatusCode();
        }

        var small = await MeasureAsync(source, 100_000);
        var large = await MeasureAsync(source, 1_000_000);

        output.WriteLine($"rows       elapsed   rows/s    peak live heap above baseline");
        foreach (var run in new[] { small, large })
        {
            output.WriteLine($"{run.Rows,9:N0}  {run.Elapsed.TotalSeconds,6:F1} s  {run.Rows / run.Elapsed.TotalSeconds,8:N0}  {run.PeakLiveBytes / 1048576.0,6:F1} MiB");
        }

        Assert.Equal(1_000_000, large.Published.GetProperty("rowCount").GetInt64());
        // Ten times the rows, not ten times the memory: within 16 MiB of the small run, and far below the file's ~60 MB.
        Assert.True(large.PeakLiveBytes < small.PeakLiveBytes + (16L << 20), $"live heap grew with the rows: {small.PeakLiveBytes} → {large.PeakLiveBytes} bytes");
        Assert.True(large.PeakLiveBytes < 48L << 20, $"peak live heap {large.PeakLiveBytes} bytes");
    }

    private static async Task<Run> MeasureAsync(HttpClient source, int rows)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                try
                {
                    await Task.Delay(200, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var clock = Stopwatch.StartNew();
        using var content = new StreamContent(new GeneratedCsv(rows));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var response = await source.PostAsync("/api/v1/data/resources/XA-SCALE-0001/versions", content);
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new Run(rows, clock.Elapsed, peak, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private sealed record Run(int Rows, TimeSpan Elapsed, long PeakLiveBytes, JsonElement Published);

    /// <summary>A CSV produced as it is read: the test never holds the file either.</summary>
    private sealed class GeneratedCsv(int rows) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes("creditCode,year,employees,revenue\n");
        private int _offset;
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _pending.Length)
                {
                    if (_next == rows)
                    {
                        break;
                    }

                    _pending = Encoding.UTF8.GetBytes($"91610131MA{_next:D8},2025,{_next % 500},{_next * 13 % 100000}.00\n");
                    _offset = 0;
                    _next++;
                }

                var take = Math.Min(count - written, _pending.Length - _offset);
                Array.Copy(_pending, _offset, buffer, offset + written, take);
                _offset += take;
                written += take;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
