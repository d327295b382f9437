using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService;

/// <summary>
/// The base of every CertService test class that runs once per storage provider: a CertService on
/// a fresh database of that provider, anchoring to the class's Anvil node, with anchoring left to
/// the test (one round an hour unless the test drives it).
/// </summary>
public abstract class CertServiceTests(AnvilNode anvil, StorageProvider provider) : IDisposable
{
    protected AnvilNode Anvil { get; } = anvil;

    protected CertServiceFactory Service { get; } = new(anvil, TimeSpan.FromHours(1), provider);

    public void Dispose()
    {
        Service.Dispose();
        GC.SuppressFinalize(this);
    }
}
