using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TrustLedger.ServiceDefaults;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Hosting;

public class ProblemCatalogTests
{
    [Fact]
    public void Every_kind_has_a_unique_code_an_error_status_and_a_title_in_Chinese_and_English()
    {
        var kinds = ProblemCatalog.All.Values.ToList();

        Assert.True(kinds.Count >= 60, $"{kinds.Count} kinds");
        Assert.All(kinds, k =>
        {
            Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", k.Code);
            Assert.InRange(k.Status, 400, 599);
            Assert.True(ProblemShape.IsBilingual(k.Title), k.Title);
            Assert.Equal(ProblemCatalog.TypeBase + k.Code, k.Type);
        });
        Assert.True(ProblemShape.IsBilingual(ProblemCatalog.FieldsDetail));
    }

    [Theory]
    [InlineData(404, "not-found")]
    [InlineData(405, "method-not-allowed")]
    [InlineData(415, "unsupported-media-type")]
    [InlineData(401, "unauthenticated")]
    [InlineData(418, "bad-request")]
    [InlineData(503, "service-unavailable")]
    public void A_problem_the_framework_wrote_by_itself_gets_the_catalogue_kind_of_its_status_in_both_languages(int status, string code)
    {
        var context = new ProblemDetailsContext
        {
            HttpContext = new DefaultHttpContext(),
            ProblemDetails = new ProblemDetails { Status = status, Title = "Not Found", Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5", Detail = "internal /srv/path" },
        };

        ProblemCatalog.Apply(context);

        Assert.Equal(code, context.ProblemDetails.Extensions["code"]);
        Assert.Equal(ProblemCatalog.All[code].Title, context.ProblemDetails.Title);
        Assert.Equal(ProblemCatalog.All[code].Type, context.ProblemDetails.Type);
        Assert.Null(context.ProblemDetails.Detail);
    }

    [Fact]
    public void An_endpoint_problem_keeps_its_own_kind_and_an_unexpected_500_says_nothing_of_the_exception()
    {
        var named = new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = ProblemDetailsOf(ProblemCatalog.SealNotFound) };
        var unexpected = new ProblemDetailsContext
        {
            HttpContext = new DefaultHttpContext(),
            ProblemDetails = new ProblemDetails { Status = 500, Detail = "System.InvalidOperationException: disk /srv/keys", Extensions = { ["exception"] = "stack" } },
        };

        ProblemCatalog.Apply(named);
        ProblemCatalog.Apply(unexpected);

        Assert.Equal("seal-not-found", named.ProblemDetails.Extensions["code"]);
        Assert.Equal("internal-error", unexpected.ProblemDetails.Extensions["code"]);
        Assert.DoesNotContain("srv", unexpected.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.False(unexpected.ProblemDetails.Extensions.ContainsKey("exception"));
        Assert.True(ProblemShape.IsBilingual(unexpected.ProblemDetails.Detail!));
    }

    [Fact]
    public void Only_a_400_kind_makes_a_validation_problem()
    {
        Assert.Throws<InvalidOperationException>(() => ProblemCatalog.SealNotFound.Validation(new Dictionary<string, string[]>()));
        Assert.Equal(400, ProblemCatalog.InvalidSeal.Validation(new Dictionary<string, string[]> { ["code"] = ["x"] }).StatusCode);
    }

    private static ProblemDetails ProblemDetailsOf(ProblemKind kind) =>
        new() { Status = kind.Status, Type = kind.Type, Title = kind.Title, Detail = "印章 X 不存在。No seal X.", Extensions = { ["code"] = kind.Code } };
}
