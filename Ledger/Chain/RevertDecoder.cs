using System.Globalization;
using Nethereum.ABI;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// Turns revert data into a named error. Knows every custom error of the TrustLedger contracts plus
/// Solidity's built-in Error(string) and Panic(uint256).
/// </summary>
public static class RevertDecoder
{
    private const string ErrorStringSelector = "08c379a0";
    private const string PanicSelector = "4e487b71";

    private static readonly Dictionary<string, ErrorABI> Errors = LoadErrors();

    public static ContractRevert Decode(string? data)
    {
        if (string.IsNullOrWhiteSpace(data) || !data.IsHex())
        {
            return new ContractRevert("Reverted", data ?? "reverted without data", data);
        }

        var hex = data.RemoveHexPrefix();
        if (hex.Length < 8)
        {
            return new ContractRevert("Reverted", "reverted without a reason", data);
        }

        var selector = hex[..8].ToLowerInvariant();
        var body = hex[8..].HexToByteArray();
        var decoder = new ParameterDecoder();
        if (selector == ErrorStringSelector)
        {
            var reason = decoder.DecodeDefaultData(body, new Parameter("string", 1))[0].Result?.ToString() ?? "";
            return new ContractRevert("Error", reason, data);
        }

        if (selector == PanicSelector)
        {
            var code = decoder.DecodeDefaultData(body, new Parameter("uint256", 1))[0].Result;
            return new ContractRevert("Panic", string.Create(CultureInfo.InvariantCulture, $"Panic(0x{code:x})"), data);
        }

        if (Errors.TryGetValue(selector, out var error))
        {
            var values = decoder.DecodeDefaultData(body, error.InputParameters).Select(p => FormatValue(p.Result));
            return new ContractRevert(error.Name, $"{error.Name}({string.Join(", ", values)})", data);
        }

        return new ContractRevert("UnknownError", $"unknown error selector 0x{selector}", data);
    }

    private static string FormatValue(object? value) => value switch
    {
        byte[] bytes => bytes.ToHex(true),
        null => "null",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static Dictionary<string, ErrorABI> LoadErrors()
    {
        var errors = new Dictionary<string, ErrorABI>(StringComparer.OrdinalIgnoreCase);
        foreach (var artifact in ContractArtifact.All)
        {
            foreach (var error in ABIDeserialiserFactory.DeserialiseContractABI(artifact.AbiJson).Errors ?? [])
            {
                errors[error.Sha3Signature] = error;
            }
        }

        return errors;
    }
}
