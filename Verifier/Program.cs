using TrustLedger.Ledger.Hosting;
using TrustLedger.ServiceDefaults;
using TrustLedger.Verifier.Apis;
using TrustLedger.Verifier.Citizen;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier;

/// <summary>Verifier: relying agencies post a bundle, a PDF or a QR payload and get a report of every check against the chain; citizens open the QR page.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1052", Justification = "WebApplicationFactory<Program> needs a non-static entry type.")]
public sealed class Program
{
    private Program()
    {
    }


    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["verify", ..])
        {
            return await Cli.VerifierCli.RunAsync(args[1..], Console.Out, Console.Error);
        }

        var builder = WebApplication.CreateBuilder(args);
        if (DevelopmentSecrets.Refuse(builder.Environment, builder.Configuration, ProductionSecrets.Rules, Console.Error) is { } refused)
        {
            return refused;
        }

        builder.AddTrustLedgerServiceDefaults();
        builder.Services.AddTrustLedgerChain(builder.Configuration);
        builder.AddVerification();
        builder.AddCitizenVerification();

        var app = builder.Build();
        app.UseTrustLedgerServiceDefaults();
        app.MapVerifyApi();
        app.MapCitizenApi();
        app.MapChainHealthApi();

        await app.RunAsync();
        return 0;
    }
}
