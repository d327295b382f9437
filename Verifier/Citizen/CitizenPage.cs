using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Citizen;

/// <summary>
/// The page a phone opens from a certificate's QR code: one verdict in colour, the certificate's
/// name, issuer and dates, the holder masked, and a link to the full report. Server-rendered HTML
/// with inline CSS: no JavaScript, no external resources, a few kilobytes. Chinese by default,
/// English with <c>lang=en</c>.
/// </summary>
public static class CitizenPage
{
    private sealed record Look(string Colour, string Zh, string En, string ZhHint, string EnHint);

    private static readonly Dictionary<string, Look> Looks = new(StringComparer.Ordinal)
    {
        ["valid"] = new("#1a7f37", "有效", "Valid", "该证照真实有效，内容与颁证机构上链记录一致。", "This certificate is genuine and in force; it matches what the issuer recorded on chain."),
        ["revoked"] = new("#c62828", "已吊销", "Revoked", "颁证机构已吊销该证照，请勿作为有效证明使用。", "The issuer has revoked this certificate; do not accept it."),
        ["superseded"] = new("#c62828", "已被新证照替代", "Replaced", "该证照已被换发的新证照替代，请向持证人索取最新证照。", "A renewed certificate replaces this one; ask the holder for the current one."),
        ["suspended"] = new("#b26a00", "已暂停", "Suspended", "颁证机构已暂停该证照的效力。", "The issuer has suspended this certificate."),
        ["expired"] = new("#b26a00", "已过期", "Expired", "该证照已超过有效期。", "This certificate is past its validity period."),
        ["invalid"] = new("#c62828", "无效", "Invalid", "该证照未通过核验，可能被篡改或伪造。", "This certificate failed verification: it may have been altered or forged."),
        ["unknown"] = new("#b26a00", "暂时无法核验", "Cannot check now", "核验服务暂时无法访问区块链，请稍后再试。这不表示证照无效。", "The chain cannot be reached right now; try again later. This does not mean the certificate is invalid."),
        ["not-found"] = new("#5f6368", "未找到该证照", "Certificate not found", "二维码不是本平台签发的证照码，或证照尚未完成上链。", "This QR code is not a certificate of this platform, or the certificate is not anchored yet."),
    };

    public static string Render(VerificationReport? report, CertificateBundle? bundle, string lang, string selfPath, string? reportPath)
    {
        var en = lang == "en";
        var key = report is null ? "not-found" : report.Verdict == "revoked" && report.Status == "superseded" ? "superseded" : report.Verdict;
        var look = Looks.GetValueOrDefault(key, Looks["invalid"]);
        var html = new StringBuilder(4096);
        html.Append("<!doctype html><html lang=\"").Append(en ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(Encode(en ? "Certificate check" : "电子证照核验")).Append("</title><style>")
            .Append("body{margin:0;font-family:system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;background:#f4f5f7;color:#202124}")
            .Append("main{max-width:480px;margin:0 auto;padding:16px}")
            .Append(".verdict{color:#fff;border-radius:12px;padding:20px;text-align:center}")
            .Append(".verdict h1{margin:0;font-size:28px}.verdict p{margin:8px 0 0;font-size:15px}")
            .Append("dl{background:#fff;border-radius:12px;padding:8px 16px;margin:16px 0}")
            .Append("dt{font-size:13px;color:#5f6368;margin-top:10px}dd{margin:2px 0 8px;font-size:16px;word-break:break-all}")
            .Append("nav{display:flex;justify-content:space-between;font-size:14px;margin:8px 0}a{color:#1a56db}")
            .Append("footer{font-size:12px;color:#5f6368;margin-top:12px}")
            .Append("</style></head><body><main>");
        html.Append("<nav><span>").Append(Encode(en ? "Electronic certificate check" : "电子证照核验")).Append("</span>")
            .Append("<a href=\"").Append(Encode(selfPath + (selfPath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + (en ? "zh" : "en"))).Append("\">")
            .Append(en ? "中文" : "English").Append("</a></nav>");
        html.Append("<section class=\"verdict\" id=\"verdict\" data-verdict=\"").Append(Encode(key)).Append("\" style=\"background:").Append(look.Colour).Append("\">")
            .Append("<h1>").Append(Encode(en ? look.En : look.Zh)).Append("</h1><p>").Append(Encode(en ? look.EnHint : look.ZhHint)).Append("</p></section>");
        if (bundle is not null && bundle.Certificate.ValueKind == JsonValueKind.Object)
        {
            var c = bundle.Certificate;
            html.Append("<dl>");
            Row(html, en ? "Certificate" : "证照名称", Text(c, "name"));
            Row(html, en ? "Identifier" : "证照标识", Text(c, "identifier"));
            Row(html, en ? "Issuer" : "颁证机构", Text(c, "issuer", "name"));
            Row(html, en ? "Holder" : "持证主体", Masking.Name(Text(c, "holder", "name")));
            Row(html, en ? "Holder code" : "持证主体代码", Masking.Code(Text(c, "holder", "code")));
            var until = Text(c, "validUntil") is { Length: > 0 } u ? u : en ? "permanent" : "长期";
            Row(html, en ? "Valid" : "有效期", $"{Text(c, "validFrom")} — {until}");
            Row(html, en ? "Issued" : "颁证日期", Text(c, "issuedAt") is { Length: >= 10 } issued ? issued[..10] : "");
            if (report is not null)
            {
                Row(html, en ? "Checked at" : "核验时间", report.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm 'UTC+8'", CultureInfo.InvariantCulture));
                Row(html, en ? "On chain" : "上链记录", $"{(en ? "block" : "区块")} {bundle.Anchor.BlockNumber} · {bundle.Anchor.TransactionHash[..Math.Min(18, bundle.Anchor.TransactionHash.Length)]}…");
            }

            html.Append("</dl>");
        }

        if (reportPath is not null)
        {
            html.Append("<p><a href=\"").Append(Encode(reportPath)).Append("\">").Append(Encode(en ? "Full verification report (for experts)" : "完整核验报告（供专业人员查看）")).Append("</a></p>");
        }

        html.Append("<footer>").Append(Encode(en
            ? "Personal data is masked on this page. Verified against the city's permissioned blockchain; only hashes are stored on chain."
            : "本页已对个人信息脱敏。核验依据为政务区块链上的哈希记录，链上不存储个人信息。")).Append("</footer>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");

    private static string Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return "";
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
