using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Protection;

public sealed class EncryptionAtRestTests_Sqlite(AnvilNode anvil) : EncryptionAtRestTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class EncryptionAtRestTests_Postgres(AnvilNode anvil) : EncryptionAtRestTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>A dump of every table holds none of the certificates' personal data or field values.</summary>
public abstract class EncryptionAtRestTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider), IAsyncLifetime
{

    public async Task InitializeAsync()
    {
        foreach (var type in Issuing.ShippedTypeCodes)
        {
            await Anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, type));
        }
    }

    [Fact]
    public async Task No_table_holds_a_plaintext_holder_or_field_value_yet_the_API_returns_them()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var secrets = new List<string>();
        var ids = new List<Guid>();
        foreach (var type in Issuing.ShippedTypeCodes)
        {
            var sample = Issuing.Sample(type);
            ids.Add(await Issuing.IssueAsync(client, sample));
            secrets.Add(sample["holder"]!["name"]!.GetValue<string>());
            secrets.Add(sample["holder"]!["code"]!.GetValue<string>());
            secrets.AddRange(sample["fields"]!.AsObject()
                .Select(f => f.Value!.ToJsonString().Trim('"'))
                // Bare numbers and dates are left out: validity dates are kept in clear as query metadata.
                .Where(v => v.Length >= 4 && !v.All(char.IsAsciiDigit) && !DateOnly.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _)));
        }

        var dump = await DumpAllTablesAsync();

        Assert.All(secrets, secret => Assert.DoesNotContain(secret, dump, StringComparison.Ordinal));
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{ids[1]}");
        Assert.Contains(view.GetProperty("certificate").GetProperty("holder").GetProperty("name").GetString(), secrets);
    }

    // Every column of every row of every table that holds issued data, strings as they are and bytes
    // decoded as UTF-8. The certificate types are public reference data whose schemas carry examples.
    private Task<string> DumpAllTablesAsync() => Service.WithStoreAsync(async store =>
    {
        var dump = new StringBuilder();
        var connection = store.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in store.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().Where(t => t != "certificate_types"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    }).Append('|');
                }
            }
        }

        return dump.ToString();
    });

    public Task DisposeAsync() => Task.CompletedTask;
}
