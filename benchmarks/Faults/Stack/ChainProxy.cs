using System.Net;
using System.Net.Sockets;

namespace TrustLedger.Faults.Stack;

/// <summary>
/// The chain node's address as the services know it: a TCP forwarder in front of the node. Cutting
/// it refuses every connection and severs the open ones, as a node that went down; the node itself
/// keeps running (Anvil started again from its state file can lose recent blocks while keeping their
/// effects, which a Besu node never does), and the suite empties its pool when it "comes back".
/// </summary>
public sealed class ChainProxy(int target) : IDisposable
{
    private readonly object _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public int Port { get; } = Ports.Free();

    public string Url => $"http://127.0.0.1:{Port}";

    public void Open()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            _running = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _ = AcceptAsync(_listener, _running.Token);
        }
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _running?.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var upstream = new TcpClient();
        lock (_gate)
        {
            _open.Add(client);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, target, cancellationToken);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, cancellationToken), up.CopyToAsync(down, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut, or the other side closed.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }

            client.Dispose();
        }
    }

    public void Dispose()
    {
        Cut();
        _running?.Dispose();
    }
}
