using System.Text;
using Nethereum.Contracts;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Contracts;

/// <summary>DataRegistry: catalog entries and field sources (governance), dataset versions (the source department).</summary>
public sealed class DataRegistryClient(IWeb3 web3, string registryAddress)
{
    public string Address => registryAddress;

    /// <summary>A resource's id on chain: SM3 of its catalog code.</summary>
    public static byte[] ResourceIdOf(string resourceCode) => Sm3HashFunction.Instance.Hash(Encoding.UTF8.GetBytes(resourceCode));

    /// <summary>A field's id on chain: SM3 of "{resource code}/{field name}".</summary>
    public static byte[] FieldIdOf(string resourceCode, string field) => Sm3HashFunction.Instance.Hash(Encoding.UTF8.GetBytes(resourceCode + "/" + field));

    public async Task<DataResourceStruct?> GetResourceAsync(string resourceCode)
    {
        var answer = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<ResourceOfFunction>()
            .QueryDeserializingToObjectAsync<ResourceOfOutput>(new ResourceOfFunction { ResourceId = ResourceIdOf(resourceCode) }, registryAddress))).Value!;
        return answer.Resource.RegisteredAtBlock == 0 ? null : answer.Resource;
    }

    public async Task<DatasetVersionStruct?> GetVersionAsync(string resourceCode, uint version)
    {
        var answer = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<VersionOfFunction>()
            .QueryDeserializingToObjectAsync<VersionOfOutput>(new VersionOfFunction { ResourceId = ResourceIdOf(resourceCode), Version = version }, registryAddress))).Value!;
        return answer.Version.BlockNumber == 0 ? null : answer.Version;
    }

    /// <summary>The transaction that published a version, from its VersionPublished event in the version's block.</summary>
    public async Task<string?> FindPublishingTransactionAsync(string resourceCode, uint version, ulong blockNumber)
    {
        var id = ResourceIdOf(resourceCode);
        var logs = await new ChunkedLogReader(web3).ReadAsync<VersionPublishedEvent>(registryAddress, blockNumber, blockNumber);
        return logs.FirstOrDefault(l => l.Event.Version == version && l.Event.ResourceId.AsSpan().SequenceEqual(id))?.Log.TransactionHash;
    }

    /// <summary>The department account the registry names authoritative for a field (the zero address when none).</summary>
    public async Task<string> GetFieldSourceAsync(string resourceCode, string field) =>
        (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<FieldSourceOfFunction>()
            .QueryAsync<string>(registryAddress, new FieldSourceOfFunction { ResourceId = ResourceIdOf(resourceCode), FieldId = FieldIdOf(resourceCode, field) }))).Value ?? "";

    public Task<TransactionOutcome> AnchorCatalogEntryAsync(TransactionSender governance, string resourceCode, string sourceAccount, byte[] catalogHash, uint catalogVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(governance);
        var message = new AnchorCatalogEntryFunction { ResourceId = ResourceIdOf(resourceCode), Source = sourceAccount, CatalogHash = catalogHash, CatalogVersion = catalogVersion };
        return governance.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }

    public Task<TransactionOutcome> SetFieldSourcesAsync(TransactionSender governance, string resourceCode, IReadOnlyList<(string Field, string SourceAccount)> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(governance);
        ArgumentNullException.ThrowIfNull(fields);
        var message = new SetFieldSourcesFunction
        {
            ResourceId = ResourceIdOf(resourceCode),
            FieldIds = fields.Select(f => FieldIdOf(resourceCode, f.Field)).ToList(),
            Sources = fields.Select(f => f.SourceAccount).ToList(),
        };
        return governance.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }

    public Task<TransactionOutcome> PublishVersionAsync(
        TransactionSender source, string resourceCode, uint version, byte[] root, ulong rowCount, byte[] schemaHash, HashAlgorithmId hash, IEnumerable<string> authoritativeFields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var message = new PublishVersionFunction
        {
            ResourceId = ResourceIdOf(resourceCode),
            Version = version,
            Root = root,
            RowCount = rowCount,
            SchemaHash = schemaHash,
            HashAlgorithm = (byte)hash,
            AuthoritativeFields = authoritativeFields.Select(f => FieldIdOf(resourceCode, f)).ToList(),
        };
        return source.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }
}
