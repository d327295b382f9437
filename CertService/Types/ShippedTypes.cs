using System.Text.Json;

namespace TrustLedger.CertService.Types;

/// <summary>The certificate types that ship with TrustLedger (Types/v1/*.json beside the service).</summary>
public static class ShippedTypes
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Types", "v1");

    public static IReadOnlyList<CertificateTypeDefinition> Load() =>
        Directory.EnumerateFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<CertificateTypeDefinition>(File.ReadAllText(file), JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"{file} is not a type definition"))
            .ToList();
}
