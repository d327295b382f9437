using System.Globalization;
using System.Numerics;
using System.Text;
using Nethereum.Util;

namespace TrustLedger.Faults.Checks;

/// <summary>Just enough of the contract ABI to ask the checks' questions: selectors, static arguments, static words back.</summary>
public static class Abi
{
    public static string Selector(string signature) => Sha3Keccack.Current.CalculateHash(signature)[..8];

    public static string Topic(string signature) => "0x" + Sha3Keccack.Current.CalculateHash(signature);

    public static string Call(string signature, params string[] words) => "0x" + Selector(signature) + string.Concat(words);

    public static string Address(string address) => address[2..].ToLowerInvariant().PadLeft(64, '0');

    public static string Bytes32(byte[] value) => Convert.ToHexStringLower(value);

    public static string Word(ulong value) => value.ToString("x", CultureInfo.InvariantCulture).PadLeft(64, '0');

    /// <summary>The 32-byte words of an answer.</summary>
    public static string[] Words(string answer)
    {
        var hex = answer.StartsWith("0x", StringComparison.Ordinal) ? answer[2..] : answer;
        return Enumerable.Range(0, hex.Length / 64).Select(i => hex.Substring(i * 64, 64)).ToArray();
    }

    public static ulong ToUlong(string word) => (ulong)BigInteger.Parse("0" + word, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static string ToAddress(string word) => "0x" + word[24..];

    public static byte[] ToBytes(string word) => Convert.FromHexString(word);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
