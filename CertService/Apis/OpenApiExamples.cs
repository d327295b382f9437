using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using TrustLedger.CertService.Batches;
using TrustLedger.CertService.Types;

namespace TrustLedger.CertService.Apis;

/// <summary>Puts real examples into the generated OpenAPI document: the shipped types' own sample certificates.</summary>
public static class OpenApiExamples
{
    public static OpenApiOptions AddTrustLedgerExamples(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sample = ShippedTypes.Samples()["11100000000013338W001"].GetRawText();
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = context.Description.RelativePath?.TrimEnd('/');
            var content = operation.RequestBody?.Content;
            if (content is null || context.Description.HttpMethod != "POST")
            {
                return Task.CompletedTask;
            }

            if (path == "api/v1/certificates" && content.TryGetValue("application/json", out var single))
            {
                single.Example = JsonNode.Parse(sample);
            }
            else if (path == "api/v1/certificates:batch")
            {
                if (content.TryGetValue("application/json", out var json))
                {
                    json.Example = new JsonArray(JsonNode.Parse(sample));
                }

                if (content.TryGetValue("text/csv", out var csv))
                {
                    csv.Example = JsonValue.Create(string.Join(',', CsvBatchReader.Columns) + "\n11100000000013338W001,西安示例科技有限公司,91610131MA6TG1XX4F,001,610113,2026-11-28,,,\"{\"\"licenceNumber\"\":\"\"610131100012345\"\", …}\"");
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
