using System.Diagnostics;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

public class ContractArtifactTests
{
    [Fact]
    public async Task Committed_artifacts_equal_a_fresh_compile_of_the_sources()
    {
        var start = new ProcessStartInfo("node", [RepositoryRoot.Combine("Contracts", "compile.mjs"), "--check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var compile = Process.Start(start)!;
        var stderr = compile.StandardError.ReadToEndAsync();
        var stdout = await compile.StandardOutput.ReadToEndAsync();
        await compile.WaitForExitAsync();

        Assert.True(compile.ExitCode == 0, stdout + await stderr);
    }

    [Fact]
    public void Embedded_artifacts_carry_abi_and_creation_bytecode()
    {
        // That the bytecode runs under London rules (no PUSH0) is shown by every chain test: the
        // fixture deploys it to Anvil started with --hardfork london.
        Assert.All(ContractArtifact.All, a =>
        {
            Assert.True(a.Bytecode.Length > 1000 && a.Bytecode.StartsWith("0x60", StringComparison.Ordinal), a.Name);
            Assert.Contains("\"type\":\"error\"", a.AbiJson.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("RootAlreadyAnchored")]
    [InlineData("TypeNotGranted")]
    [InlineData("AccessControlUnauthorizedAccount")]
    public void Every_custom_error_of_the_contracts_decodes_by_name(string name)
    {
        var abi = Nethereum.ABI.ABIDeserialisation.ABIDeserialiserFactory.DeserialiseContractABI(
            ContractArtifact.CertificateAnchor.AbiJson.TrimEnd(']') + "," + ContractArtifact.IssuerRegistry.AbiJson.TrimStart('['));
        var error = abi.Errors.Single(e => e.Name == name);
        var data = "0x" + error.Sha3Signature + new string('0', 64 * error.InputParameters.Length);

        Assert.Equal(name, RevertDecoder.Decode(data).ErrorName);
    }
}
