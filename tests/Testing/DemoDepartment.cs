namespace TrustLedger.Tests.Testing;

/// <summary>The demo department (the one ./start.sh onboards) and the type it issues in the tests.</summary>
public static class DemoDepartment
{
    /// <summary>A unified social credit code whose GB 32100 check character is right (test data, not a real body).</summary>
    public const string CreditCode = "11610100MB29570176";

    public const string Name = "西安市市场监督管理局（演示）";

    /// <summary>GB/T 36904 type code of the business licence (营业执照), as used in public e-licence identifiers.</summary>
    public const string BusinessLicenceType = "11100000000013338W001";
}
