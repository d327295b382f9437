using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.BadInput;

/// <summary>
/// The bad-input suite: every generated case (<see cref="BadInputCases"/>) against one live
/// CertService. Whatever the case, the answer is never a 5xx; a refusal is an RFC 9457 problem
/// (application/problem+json with a code) that names no exception, and leaves every table of the
/// database exactly as it was; a case that must be refused is a 4xx.
/// </summary>
public sealed class BadInputSuiteTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    public static TheoryData<string> Cases => BadInputCases.Names();

    [Fact]
    public void The_suite_has_at_least_600_cases() => Assert.True(BadInputCases.Count >= 600, $"{BadInputCases.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_cleanly_or_served_and_never_a_server_error(string name)
    {
        var badInput = BadInputCases.Get(name);
        var client = badInput.Caller switch
        {
            Caller.Demo => fixture.Demo,
            Caller.Other => fixture.Other,
            Caller.Admin => fixture.Admin,
            _ => null,
        };
        using var anonymous = client is null ? fixture.Service.CreateClient() : null;
        var path = badInput.Path
            .Replace("{own}", fixture.OwnCertificate.ToString(), StringComparison.Ordinal)
            .Replace("{others}", fixture.OthersCertificate.ToString(), StringComparison.Ordinal)
            .Replace("{demo}", TestDepartments.Demo.CreditCode, StringComparison.Ordinal)
            .Replace("{resource}", BadInputFixture.Resource, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(badInput.Method), path);
        if (badInput.Body is not null)
        {
            request.Content = new ByteArrayContent(badInput.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(badInput.ContentType!);
        }

        var before = await fixture.SnapshotAsync();

        using var response = await (client ?? anonymous!).SendAsync(request);

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{name}: {status} {Shorten(text)}");
        if (badInput.MustRefuse)
        {
            Assert.True(status is >= 400 and < 500, $"{name} must be refused: {status} {Shorten(text)}");
        }

        // A bulk report that accepted nothing stored nothing.
        var acceptedNothing = status == 200 && text.StartsWith('{') && JsonDocument.Parse(text).RootElement.TryGetProperty("accepted", out var accepted) && accepted.GetInt32() == 0;
        if (acceptedNothing)
        {
            var after = await fixture.SnapshotAsync();
            Assert.True(before.SequenceEqual(after), $"{name}: a report of nothing accepted, but it stored {string.Join(", ", after.Where(a => before[a.Key] != a.Value).Select(a => $"{a.Key} {before[a.Key]}→{a.Value}"))}");
        }

        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{name}: {status} answered {response.Content.Headers.ContentType} {Shorten(text)}");
            using var problem = JsonDocument.Parse(text);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.True(ProblemShape.Broken(problem.RootElement, status) is null, $"{name}: {ProblemShape.Broken(problem.RootElement, status)}");
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            var after = await fixture.SnapshotAsync();
            Assert.True(before.SequenceEqual(after), $"{name}: refused with {status} but stored {string.Join(", ", after.Where(a => before[a.Key] != a.Value).Select(a => $"{a.Key} {before[a.Key]}→{a.Value}"))}");
        }
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
