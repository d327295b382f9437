using System.Text.Json;

namespace TrustLedger.CertService.Types;

/// <summary>
/// The certificate types that ship with TrustLedger (Types/v1/*.json beside the service) and a
/// sample certificate of each (Types/v1/samples/), used by the examples, the demo and the tests.
/// </summary>
public static class ShippedTypes
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Types", "v1");

    public static IReadOnlyList<CertificateTypeDefinition> Load() =>
        Directory.EnumerateFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<CertificateTypeDefinition>(File.ReadAllText(file), JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"{file} is not a type definition"))
            .ToList();

    /// <summary>Each shipped type's sample issuance request, keyed by type code.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Samples() =>
        Directory.EnumerateFiles(Path.Combine(Folder, "samples"), "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone())
            .ToDictionary(sample => sample.GetProperty("typeCode").GetString()!, StringComparer.Ordinal);
}
