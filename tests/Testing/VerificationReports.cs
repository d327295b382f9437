using System.Text.Json;

namespace TrustLedger.Tests.Testing;

/// <summary>Reads a Verifier report: the checks listed, those that failed, and one check's status and detail.</summary>
public static class VerificationReports
{
    public static List<string> Names(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();

    public static List<string> Failed(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "failed").Select(c => c.GetProperty("name").GetString()!).ToList();

    public static string Status(JsonElement report, string check) => Check(report, check).GetProperty("status").GetString()!;

    public static string Detail(JsonElement report, string check) => Check(report, check).GetProperty("detail").GetString()!;

    private static JsonElement Check(JsonElement report, string check) =>
        report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == check);
}
