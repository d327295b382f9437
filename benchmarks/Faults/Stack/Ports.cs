using System.Net;
using System.Net.Sockets;

namespace TrustLedger.Faults.Stack;

public static class Ports
{
    /// <summary>A free port on loopback (the OS picks one; it is released for the caller to bind).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
