using TrustLedger.CertService.Types;

namespace TrustLedger.CertService.Issuance;

/// <summary>Type lookups and grant answers remembered for one request (a bulk import asks for the same few types thousands of times).</summary>
public sealed class TypeCache
{
    private readonly Dictionary<string, CertificateType?> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _granted = new(StringComparer.Ordinal);

    public async Task<bool> HoldsAsync(string code, Func<Task<bool>> ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (!_granted.TryGetValue(code, out var holds))
        {
            holds = await ask();
            _granted[code] = holds;
        }

        return holds;
    }

    public async Task<CertificateType?> GetAsync(string code, Func<Task<CertificateType?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!_types.TryGetValue(code, out var type))
        {
            type = await load();
            _types[code] = type;
        }

        return type;
    }
}
