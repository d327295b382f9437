using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// Open data (数据开放): resources the catalog marks open are listed on a public page with every
/// anchored version (rows, root, block, transaction), and anyone may fetch a row's proof.
/// </summary>
public static class OpenDataApi
{
    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/open-data", PageAsync).AllowAnonymous().ExcludeFromDescription().RequireAnonymousRateLimit();
        app.MapGet("/api/v1/open-data/{code}/versions/{version:int}/rows/{index:long}/proof", ProofAsync).AllowAnonymous().WithTags("Open data").RequireAnonymousRateLimit();
        return app;
    }

    public static async Task<IResult> PageAsync(CertificateStore store, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var open = await store.DataResources.AsNoTracking().Where(r => r.OpenClass == "open").OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var codes = open.Select(r => r.Code).ToList();
        var versions = (await store.PublishedVersions.AsNoTracking().Where(v => codes.Contains(v.ResourceCode)).ToListAsync(cancellationToken))
            .OrderBy(v => v.ResourceCode, StringComparer.Ordinal).ThenByDescending(v => v.Version).ToList();
        var html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append("<title>开放数据 Open data</title><style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:960px;padding:16px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;font-size:14px}code{font-size:12px;word-break:break-all}</style></head><body>");
        html.Append("<h1>开放数据 Open data</h1><p>Every version below is anchored in DataRegistry <code>").Append(Encode(deployment.DataRegistry ?? "")).Append("</code>; a row's proof: <code>/api/v1/open-data/{code}/versions/{version}/rows/{index}/proof</code>.</p>");
        foreach (var resource in open)
        {
            html.Append("<h2>").Append(Encode(resource.Name)).Append(" <small><code>").Append(Encode(resource.Code)).Append("</code></small></h2><p>")
                .Append(Encode($"来源 source: {resource.SourceDepartment} · 更新 update: {resource.UpdateCycle} · catalog v{resource.CatalogVersion}")).Append("</p>");
            html.Append("<table><tr><th>version</th><th>rows</th><th>root (SM3)</th><th>block</th><th>transaction</th></tr>");
            foreach (var version in versions.Where(v => v.ResourceCode == resource.Code))
            {
                html.Append("<tr><td>").Append(version.Version).Append("</td><td>").Append(version.RowCount).Append("</td><td><code>").Append(Convert.ToHexStringLower(version.Root))
                    .Append("</code></td><td>").Append(version.BlockNumber).Append("</td><td><code>").Append(Encode(version.TransactionHash ?? "")).Append("</code></td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<IResult> ProofAsync(
        string code, int version, long index, CertificateStore store, CertificateVault vault, DatasetFiles files, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var isOpen = await store.DataResources.AsNoTracking().AnyAsync(r => r.Code == code && r.OpenClass == "open", cancellationToken);
        return isOpen
            ? await DatasetsApi.ProveOpenRowAsync(code, version, index, store, vault, files, deployment, cancellationToken)
            : Apis.Problems.ResourceNotFound(code);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
