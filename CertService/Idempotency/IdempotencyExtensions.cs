namespace TrustLedger.CertService.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>Buffers the body of requests that carry an Idempotency-Key, so the filter can hash exactly what was sent.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
            {
                // Spills to a temporary file past 30 KB, so a large bulk import does not sit in memory.
                context.Request.EnableBuffering();
            }

            await next(context);
        });

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(new IdempotencyFilter());
}
