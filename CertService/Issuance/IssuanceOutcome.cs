using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Issuance;

/// <summary>A certificate ready to store, every reason it cannot be issued, or why it cannot be sealed now.</summary>
public sealed record IssuanceOutcome(CertificateRecord? Certificate, IReadOnlyList<FieldError> Errors, string? SealWaitReason = null)
{
    public bool Succeeded => Certificate is not null;

    /// <summary>The department has seals but none can sign now: nothing is issued (409, retry once a seal is active).</summary>
    public static IssuanceOutcome SealUnavailable(string reason) => new(null, [], reason);

    /// <summary>The department does not hold the type on chain (403): nothing was added to the store.</summary>
    public static IssuanceOutcome NotGranted(string typeCode) => new(null, [new FieldError("typeCode", ErrorCodes.TypeNotGranted, typeCode)]) { UngrantedType = typeCode };

    public string? UngrantedType { get; private init; }
}
