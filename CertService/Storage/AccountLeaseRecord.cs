namespace TrustLedger.CertService.Storage;

/// <summary>
/// Which instance runs the anchoring pipeline for a chain account, until when (milliseconds since
/// the epoch on the database's clock, so instances' clocks need not agree). The token grows at every
/// change of holder: work done under an older token is fenced off.
/// </summary>
public sealed class AccountLeaseRecord
{
    public required string Account { get; set; }

    public required string Holder { get; set; }

    public long Token { get; set; }

    public long ExpiresAtMs { get; set; }
}
