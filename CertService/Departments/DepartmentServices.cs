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
        // Key files are what the deployer provisions; the instances' shared keystore is the database.
        builder.Services.AddSingleton(services => new FileKeyStore(services.GetRequiredService<IOptions<KeyStoreOptions>>().Value));
        builder.Services.AddSingleton<Protection.DatabaseKeyStore>();
        builder.Services.AddSingleton<IKeyStore>(services => services.GetRequiredService<Protection.DatabaseKeyStore>());
        builder.Services.AddSingleton<ISecretStore>(services => services.GetRequiredService<Protection.DatabaseKeyStore>());
        builder.Services.AddSingleton<KeyEncryptionKeys>();
        // After the migrations (registered earlier), before the pipeline and the server.
        builder.Services.AddHostedService<Protection.KeyStoreBootstrap>();
        builder.Services.AddOptions<Protection.ProtectionOptions>().BindConfiguration(Protection.ProtectionOptions.Section)
            .Validate(o => Ledger.Crypto.AeadCiphers.TryByName(o.Cipher, out _), "Protection:Cipher must be SM4-GCM or AES-256-GCM")
            .ValidateOnStart();
        builder.Services.AddSingleton<Protection.CertificateVault>();
        builder.Services.AddSingleton<Seals.SealKeys>();
        builder.Services.AddOptions<Seals.SealOptions>().BindConfiguration(Seals.SealOptions.Section);
        builder.Services.AddSingleton<Seals.DepartmentSeals>();
        builder.Services.AddSingleton<GovernanceSender>();
        builder.Services.AddSingleton<DepartmentActivity>();
        builder.Services.AddScoped<DepartmentOnboarding>();
        return builder;
    }
}
