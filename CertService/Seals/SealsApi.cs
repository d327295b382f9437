using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Crypto;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Seals;

/// <summary>
/// Electronic seals: governance administrators create a department's seal (an SM2 key, or a P-256
/// key in the international suite, generated and kept encrypted here, its public-key hash and validity registered in SealRegistry on chain),
/// and suspend, reinstate or revoke it there. Anyone may read a seal's public key and status.
/// </summary>
public static partial class SealsApi
{
    public static IEndpointRouteBuilder MapSealsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/seals/{code}", GetSeal).AllowAnonymous().WithTags("Seals").RequireAnonymousRateLimit();
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration");
        admin.MapPost("/departments/{department}/seals", CreateSeal);
        admin.MapPost("/seals/{code}/suspend", (string code, SealStatusRequest request, [AsParameters] SealServices services, CancellationToken ct) =>
            ChangeAsync(code, services, (chain, sender) => chain.SuspendAsync(sender, code, request.Reason ?? 0, ct), ct));
        admin.MapPost("/seals/{code}/reinstate", (string code, [AsParameters] SealServices services, CancellationToken ct) =>
            ChangeAsync(code, services, (chain, sender) => chain.ReinstateAsync(sender, code, ct), ct));
        admin.MapPost("/seals/{code}/revoke", (string code, SealStatusRequest request, [AsParameters] SealServices services, CancellationToken ct) =>
            ChangeAsync(code, services, (chain, sender) => chain.RevokeAsync(sender, code, request.Reason ?? 0, ct), ct));
        return app;
    }

    public static async Task<Results<Created<SealView>, ValidationProblem, ProblemHttpResult>> CreateSeal(
        string department, CreateSealRequest request, ClaimsPrincipal user, HttpRequest http, [AsParameters] SealServices services, SealKeys keys, IOptions<SealOptions> options, CancellationToken cancellationToken)
    {
        var owner = await DepartmentDirectory.FindAsync(services.Store, department, cancellationToken);
        if (owner is null)
        {
            return Problems.DepartmentNotFound(department);
        }

        var errors = new List<FieldError>();
        if (request.Code is null || !SealCodePattern().IsMatch(request.Code))
        {
            errors.Add(new FieldError("code", ErrorCodes.SealCodeFormat));
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new FieldError("name", ErrorCodes.Required));
        }

        if (request.ValidFrom is null || request.ValidUntil is null)
        {
            errors.Add(new FieldError("validUntil", ErrorCodes.Required));
        }
        else if (request.ValidUntil <= request.ValidFrom)
        {
            errors.Add(new FieldError("validUntil", ErrorCodes.ValidUntilBeforeValidFrom));
        }

        byte[]? picture = null;
        if (request.Picture is not null && !SealPicture.TryRead(request.Picture, out picture))
        {
            errors.Add(new FieldError("picture", ErrorCodes.SealPictureInvalid));
        }

        var suite = request.Suite ?? options.Value.SignatureSuite;
        if (!SealKeyPair.IsKnown(suite))
        {
            errors.Add(new FieldError("suite", ErrorCodes.SealSuiteUnknown, suite));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, ResponseLanguage.Of(http), ProblemCatalog.InvalidSeal);
        }

        if (await services.Store.Seals.AnyAsync(s => s.Code == request.Code, cancellationToken))
        {
            return Problems.SealExists(request.Code!);
        }

        var pair = await keys.CreateAsync(request.Code!, suite, cancellationToken);
        var record = new SealRecord
        {
            Code = request.Code!,
            DepartmentCode = owner.CreditCode,
            Name = request.Name!.Trim(),
            SealType = request.Type ?? 1,
            Suite = suite,
            Picture = picture,
            ValidFrom = request.ValidFrom!.Value,
            ValidUntil = request.ValidUntil!.Value,
            PublicKey = pair.PublicKeyBytes,
            Certificate = SealCertificate.Create(pair, request.Code!, owner.CreditCode, request.ValidFrom.Value, request.ValidUntil.Value).GetEncoded(),
            State = ChainWriteStates.Prepared,
            CreatedAt = services.Time.GetUtcNow(),
            CreatedBy = user.ActorName(),
        };

        // Recorded before the chain is written: a crash between the two leaves a seal the reconciliation finishes.
        services.Store.Seals.Add(record);
        try
        {
            await services.Store.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Problems.SealExists(request.Code!);
        }

        try
        {
            var outcome = await SealRegistration.SendAsync(services.Chain, await services.Governance.SenderAsync(cancellationToken), record, owner.Account, cancellationToken);
            if (!outcome.Succeeded)
            {
                // Refused, perhaps because this very seal was registered another way (a reconciliation sent
                // it while this request waited): asking again finds it on chain then, and the chain decides.
                var again = await SealRegistration.SendAsync(services.Chain, await services.Governance.SenderAsync(cancellationToken), record, owner.Account, cancellationToken);
                if (!again.Succeeded)
                {
                    // Only a seal still prepared is removed: a reconciliation that settled it meanwhile wins.
                    await services.Store.Seals.Where(s => s.Code == record.Code && s.State == ChainWriteStates.Prepared).ExecuteDeleteAsync(cancellationToken);
                    services.Store.Entry(record).State = EntityState.Detached;
                    return Problems.ChainRefused(outcome.Revert!.Description);
                }

                outcome = again;
            }

            record.State = ChainWriteStates.Published;
            record.RegistrationTransaction = outcome.TransactionHash;
            await services.Store.SaveChangesAsync(cancellationToken);
            services.Seals.Forget(owner.CreditCode);
            return TypedResults.Created($"/api/v1/seals/{record.Code}", View(record, SealStatus.Active));
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
    }

    /// <summary>A seal's public key and its status as the chain says now.</summary>
    public static async Task<Results<Ok<SealView>, ProblemHttpResult>> GetSeal(string code, [AsParameters] SealServices services, CancellationToken cancellationToken)
    {
        var record = await services.Store.Seals.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code && s.State == ChainWriteStates.Published, cancellationToken);
        if (record is null)
        {
            return Problems.SealNotFound(code);
        }

        try
        {
            var onChain = await services.Chain.GetAsync(code);
            return TypedResults.Ok(View(record, onChain?.Status ?? SealStatus.None));
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
    }

    private static async Task<Results<Ok<SealView>, ProblemHttpResult>> ChangeAsync(
        string code, SealServices services, Func<SealRegistryClient, TransactionSender, Task<TransactionOutcome>> change, CancellationToken cancellationToken)
    {
        var record = await services.Store.Seals.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code && s.State == ChainWriteStates.Published, cancellationToken);
        if (record is null)
        {
            return Problems.SealNotFound(code);
        }

        try
        {
            var outcome = await change(services.Chain, await services.Governance.SenderAsync(cancellationToken));
            services.Seals.Forget(record.DepartmentCode);
            if (!outcome.Succeeded)
            {
                return Problems.ChainRefused(outcome.Revert!.Description);
            }

            var onChain = await services.Chain.GetAsync(code);
            return TypedResults.Ok(View(record, onChain?.Status ?? SealStatus.None));
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
    }

    private static SealView View(SealRecord seal, SealStatus status) => new(
        seal.Code, seal.DepartmentCode, seal.Name, seal.SealType, seal.ValidFrom, seal.ValidUntil, seal.Suite,
        Convert.ToHexStringLower(seal.PublicKey), seal.Picture is null ? null : Convert.ToHexStringLower(Ledger.Hashing.HashFunctions.Hash(Ledger.Hashing.Sm3HashFunction.Instance, seal.Picture)), status.ToString().ToLowerInvariant(), seal.RegistrationTransaction ?? "");

    [GeneratedRegex(@"\A[0-9A-Za-z-]{4,59}\z")]
    private static partial Regex SealCodePattern();
}

/// <summary>What the seal endpoints need, bound with [AsParameters].</summary>
public sealed record SealServices(CertificateStore Store, SealRegistryClient Chain, GovernanceSender Governance, TimeProvider Time, DepartmentSeals Seals);
