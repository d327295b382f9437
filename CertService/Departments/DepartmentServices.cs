using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Departments;

public static class DepartmentServices
{
    /// <summary>The keystore, the governance sender and onboarding.</summary>
    public static WebApplicationBuilder AddDepartments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyStoreOptions>().BindConfiguration(KeyStoreOptions.Section)
            .Validate(o => !string.IsNullOrEmpty(o.Passphrase), "Keystore:Passphrase is required (supply it from the environment or a secret store)")
            .ValidateOnStart();
        builder.Services.AddSingleton<IKeyStore>(services => new FileKeyStore(services.GetRequiredService<IOptions<KeyStoreOptions>>().Value));
        builder.Services.AddSingleton<GovernanceSender>();
        builder.Services.AddScoped<DepartmentOnboarding>();
        return builder;
    }
}
