using Json.Schema;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Types;

/// <summary>A stored type version with its fields schema compiled, ready to validate certificates.</summary>
public sealed record CertificateType(CertificateTypeRecord Record, JsonSchema FieldsSchema)
{
    public string Code => Record.Code;

    public int Version => Record.Version;
}
