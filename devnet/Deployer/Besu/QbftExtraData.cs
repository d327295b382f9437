using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RLP;

namespace TrustLedger.Deployer.Besu;

/// <summary>
/// The QBFT genesis <c>extraData</c> for block-header validator selection:
/// RLP([32-byte vanity, [validator addresses], vote (empty list), round (0), seals (empty list)]).
/// Besu reads the validator set of block 0 from it.
/// </summary>
public static class QbftExtraData
{
    /// <summary>Encodes the validators in the order given (the generator passes them ascending).</summary>
    public static string Encode(IEnumerable<string> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var addresses = validators.Select(a => RLP.EncodeElement(a.HexToByteArray())).ToArray();
        var encoded = RLP.EncodeList(
            RLP.EncodeElement(new byte[32]),
            RLP.EncodeList(addresses),
            RLP.EncodeList(),
            RLP.EncodeElement([]),
            RLP.EncodeList());
        return encoded.ToHex(prefix: true);
    }

    /// <summary>The validator addresses (lowercase, 0x-prefixed) an extraData names; throws when it is not QBFT extraData.</summary>
    public static IReadOnlyList<string> Decode(string extraData)
    {
        var items = (RLPCollection)RLP.Decode(extraData.HexToByteArray());
        if (items.Count != 5 || items[0].RLPData?.Length != 32 || items[1] is not RLPCollection validators)
        {
            throw new FormatException("not QBFT extraData: expected [vanity(32), validators, vote, round, seals]");
        }

        return validators.Select(v => v.RLPData.ToHex(prefix: true)).ToList();
    }
}
