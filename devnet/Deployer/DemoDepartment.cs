namespace TrustLedger.Deployer;

/// <summary>The department the devnet is seeded with, so a new user can issue a certificate at once.</summary>
public static class DemoDepartment
{
    /// <summary>A unified social credit code whose GB 32100 check character is right (test data, not a real body).</summary>
    public const string CreditCode = "11610100MB29570176";

    public const string Name = "西安市市场监督管理局（演示）";

    /// <summary>GB/T 36904 type code of the business licence (营业执照), as used in public e-licence identifiers.</summary>
    public const string BusinessLicenceType = "11100000000013338W001";
}
