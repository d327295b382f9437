using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Chain;

/// <summary>One real Anvil node shared by the chain tests of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAnvil : ICollectionFixture<AnvilNode>
{
    public const string Name = "anvil";
}

/// <summary>One Anvil node behind the Besu-rules proxy, shared by the chain tests that run both ways.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBesuLikeNode : ICollectionFixture<BesuLikeNode>
{
    public const string Name = "besu-rules";
}
