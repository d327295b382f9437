using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace TrustLedger.Deployer.Besu;

/// <summary>One Besu node of the generated network: its role, data centre, address on the compose network and node key.</summary>
public sealed class BesuNode(string name, bool isValidator, string centre, string ip, EthECKey key)
{
    public const int P2pPort = 30303;

    public string Name { get; } = name;

    public bool IsValidator { get; } = isValidator;

    /// <summary>The data centre the node runs in (see docs/besu-network.md).</summary>
    public string Centre { get; } = centre;

    public string Ip { get; } = ip;

    /// <summary>The node's account address: for a validator, its validator address in extraData.</summary>
    public string Address { get; } = key.GetPublicAddress().ToLowerInvariant();

    /// <summary>The node's private key as Besu reads it from its <c>key</c> file (hex, no prefix). A secret.</summary>
    public string PrivateKeyHex { get; } = key.GetPrivateKeyAsBytes().ToHex();

    public string Enode { get; } = $"enode://{key.GetPubKeyNoPrefix().ToHex()}@{ip}:{P2pPort}";
}
