using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TrustLedger.Ledger.Contracts;

// Typed Nethereum bindings for Contracts/src/IssuerRegistry.sol; names follow the Solidity ABI.

public sealed class IssuerRegistryDeployment() : ContractDeploymentMessage(ContractArtifact.IssuerRegistry.Bytecode)
{
    [Parameter("address", "governanceAdmin", 1)]
    public string GovernanceAdmin { get; set; } = "";
}

[Function("registerDepartment")]
public sealed class RegisterDepartmentFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("string", "creditCode", 2)]
    public string CreditCode { get; set; } = "";

    [Parameter("string", "name", 3)]
    public string Name { get; set; } = "";
}

[Function("setDepartmentActive")]
public sealed class SetDepartmentActiveFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("bool", "active", 2)]
    public bool Active { get; set; }
}

[Function("grantType")]
public sealed class GrantTypeFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("string", "typeCode", 2)]
    public string TypeCode { get; set; } = "";
}

[Function("revokeType")]
public sealed class RevokeTypeFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("string", "typeCode", 2)]
    public string TypeCode { get; set; } = "";
}

[Function("department", typeof(DepartmentOutput))]
public sealed class DepartmentFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";
}

[FunctionOutput]
public sealed class DepartmentOutput : IFunctionOutputDTO
{
    [Parameter("string", "creditCode", 1)]
    public string CreditCode { get; set; } = "";

    [Parameter("string", "name", 2)]
    public string Name { get; set; } = "";

    [Parameter("bool", "active", 3)]
    public bool Active { get; set; }

    [Parameter("uint64", "registeredAtBlock", 4)]
    public ulong RegisteredAtBlock { get; set; }
}

[Function("wasAuthorisedAt", "bool")]
public sealed class WasAuthorisedAtFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("bytes32", "typeId", 2)]
    public byte[] TypeId { get; set; } = [];

    [Parameter("uint256", "blockNumber", 3)]
    public BigInteger BlockNumber { get; set; }
}

[Function("isAuthorised", "bool")]
public sealed class IsAuthorisedFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("bytes32", "typeId", 2)]
    public byte[] TypeId { get; set; } = [];
}

[Function("accountOf", "address")]
public sealed class AccountOfFunction : FunctionMessage
{
    [Parameter("string", "creditCode", 1)]
    public string CreditCode { get; set; } = "";
}
