using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Tests.Testing;

/// <summary>The departments the service tests onboard, with the development chain keys the chain fixture registered.</summary>
public static class TestDepartments
{
    public static readonly TestDepartment Demo = new(DemoDepartment.CreditCode, DemoDepartment.Name, DevelopmentKeys.DemoDepartmentHex);

    /// <summary>Registered on chain but granted no certificate type.</summary>
    public static readonly TestDepartment Other = new("11610100MB29570251", "西安市民政局（测试）", DevelopmentKeys.OtherDepartmentHex);
}

public sealed record TestDepartment(string CreditCode, string Name, string KeyHex)
{
    public SigningKey Key => new(KeyHex);
}
