using System.Threading.RateLimiting;
using Scim.Api.Authentication;
using Scim.Api.Http;
using Scim.Application.Common;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Limits;

/// <summary>
/// Rate limits (<see cref="RateLimitOptions"/>, ASP.NET Core's rate limiter): a token bucket per organization of the
/// request's API key, and a fixed one-minute window of refused bearer tokens per client address; and the gate of each
/// organization's expensive work (<see cref="ExpensiveWorkGate"/>, 503 beyond it, taken where the work is known to be
/// expensive, <see cref="ExpensiveWork"/>). A request beyond either
/// is answered 429 Too Many Requests (RFC 6585 §4) with <c>Retry-After</c> in whole seconds (RFC 9110 §10.2.3) and a SCIM
/// error body without <c>scimType</c> (RFC 7644 §3.12 defines none for it); nothing of it is handled. Requests of the
/// operator, and those without a bearer token (<c>/health</c>, the OpenAPI documents), are not limited.
/// </summary>
public static class ScimRateLimits
{
    /// <summary>The endpoint policy that limits each client address to the deployment's rate (<see cref="RateLimitOptions.RequestsPerSecond"/>, <see cref="RateLimitOptions.Burst"/>).</summary>
    public const string AddressPolicy = "address";

    // The most expensive requests one organization may run or queue (ExpensiveConcurrency, ExpensiveQueue).
    private const int MaxExpensive = 10_000;

    /// <summary>Registers the limiters of <paramref name="options"/>.</summary>
    /// <exception cref="InvalidSettingException">A setting is out of range; the message names it.</exception>
    public static IServiceCollection AddScimRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = options switch
        {
            { RequestsPerSecond: < 1 or > SetOrganizationRateLimit.MaxRequestsPerSecond } =>
                $"RequestsPerSecond '{options.RequestsPerSecond}' is not from 1 to {SetOrganizationRateLimit.MaxRequestsPerSecond:N0}; set such as 100",
            _ when options.Burst < options.RequestsPerSecond || options.Burst > SetOrganizationRateLimit.MaxBurst =>
                $"Burst '{options.Burst}' is not from RequestsPerSecond ({options.RequestsPerSecond}) to {SetOrganizationRateLimit.MaxBurst:N0}; set such as twice RequestsPerSecond",
            { BodyBytesPerRequest: < 1_024 or > 1_048_576 } =>
                $"BodyBytesPerRequest '{options.BodyBytesPerRequest}' is not from 1,024 to 1,048,576; set such as 4096",
            { RefusedTokensPerMinute: < 1 } =>
                $"RefusedTokensPerMinute '{options.RefusedTokensPerMinute}' is less than 1; set such as 20 (or set Enabled to false)",
            { ListQuerySeconds: not (> 0 and <= 86_400) } =>
                $"ListQuerySeconds '{options.ListQuerySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not more than 0 and at most 86,400; set such as 5",
            { ExpensiveConcurrency: < 1 or > MaxExpensive } =>
                $"ExpensiveConcurrency '{options.ExpensiveConcurrency}' is not from 1 to {MaxExpensive:N0}; set how many expensive requests one organization may run at once, such as 4, or leave it out for half the processor count",
            { ExpensiveQueue: < 0 or > MaxExpensive } =>
                $"ExpensiveQueue '{options.ExpensiveQueue}' is not from 0 to {MaxExpensive:N0}; set how many expensive requests of one organization may wait, such as 4",
            { ExpensiveQueueSeconds: not (> 0 and <= 3_600) } =>
                $"ExpensiveQueueSeconds '{options.ExpensiveQueueSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not more than 0 and at most 3,600; set how long an expensive request may wait for its organization's permit, such as 5",
            _ => null,
        };
        if (problem is not null)
        {
            throw new InvalidSettingException($"Scim:RateLimits:{problem}.");
        }

        services.AddSingleton(options);
        services.AddSingleton(new ListQueryBudget(TimeSpan.FromSeconds(options.ListQuerySeconds)));
        services.AddSingleton(_ => new ExpensiveWorkGate(new ExpensiveWorkLimits(
            options.ExpensiveConcurrency ?? ExpensiveWorkLimits.DefaultPermits, options.ExpensiveQueue, TimeSpan.FromSeconds(options.ExpensiveQueueSeconds), options.Enabled)));
        services.AddSingleton(new RefusedTokens(options));
        var organizations = PartitionedRateLimiter.Create<HttpContext, OrganizationLimit>(context =>
            options.Enabled && OrganizationLimit.Of(context) is { } limit
                ? RateLimitPartition.GetTokenBucketLimiter(limit, key => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = key.Burst,
                    TokensPerPeriod = key.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(default(OrganizationLimit)));
        services.AddSingleton(new RequestBodyCost(organizations, options.BodyBytesPerRequest));
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = organizations;
            // Pages signed in by cookie (the owner's) are authenticated only at authorization, after this limiter: each
            // client address gets a bucket of the deployment's size instead.
            limiter.AddPolicy(AddressPolicy, context => options.Enabled
                ? RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = (rejected, _) =>
            {
                if (OrganizationLimit.Of(rejected.HttpContext) is not { } limit)
                {
                    // An address over its page bucket: the status and the wait, in the page's own format (no body here).
                    ScimErrorResponse.RetryAfter(rejected.HttpContext.Response,
                        rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
                    rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    return ValueTask.CompletedTask;
                }

                CountRejection(limit.Organization);
                return new ValueTask(TooManyRequestsAsync(rejected.HttpContext, rejected.Lease,
                    $"This organization sent more than its limit of {limit.RequestsPerSecond:N0} requests per second (bursts of {limit.Burst:N0}); "
                    + "retry after the number of seconds in Retry-After, or ask the operator for a higher limit."));
            };
        });
        return services;
    }

    /// <summary>
    /// Limits refused tokens per client address; goes before authentication. A request with a bearer token from an address
    /// that has used up its refusals is answered 429 before its token is looked at, so a token found by guessing is refused
    /// too. The organizations' limit is ASP.NET Core's <c>UseRateLimiter</c>, after authentication.
    /// </summary>
    public static void UseRefusedTokenLimit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var refused = app.Services.GetRequiredService<RefusedTokens>();
        app.Use(async (context, next) =>
        {
            if (BearerToken.Of(context.Request) is null)
            {
                await next(context);
                return;
            }

            var address = context.Connection.RemoteIpAddress;
            if (refused.Blocked(address) is { } wait)
            {
                await TooManyRequestsAsync(context, wait,
                    $"This client address sent more than {refused.PerMinute} requests with a refused bearer token within a minute; "
                    + "check the API key, then retry after the number of seconds in Retry-After.");
                return;
            }

            await next(context);
            if (context.User.Identity?.IsAuthenticated != true)
            {
                refused.Refused(address);
            }
        });
    }

    internal static void CountRejection(Guid organization) => ScimMetrics.RateLimitRejections.Add(1,
        new KeyValuePair<string, object?>("scim.organization", organization.ToString()),
        new KeyValuePair<string, object?>(ScimMetrics.RateLimitTag, "organization"));

    private static Task TooManyRequestsAsync(HttpContext context, RateLimitLease lease, string detail) =>
        TooManyRequestsAsync(context, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.Zero, detail);

    private static Task TooManyRequestsAsync(HttpContext context, TimeSpan wait, string detail)
    {
        ScimErrorResponse.RetryAfter(context.Response, wait);
        return ScimErrorResponse.WriteAsync(context, new ScimError(StatusCodes.Status429TooManyRequests, null, detail));
    }

    /// <summary>The limit of the request's organization; a new limit is a new partition, so a change applies from the next request.</summary>
    internal readonly record struct OrganizationLimit(Guid Organization, int RequestsPerSecond, int Burst)
    {
        public static OrganizationLimit? Of(HttpContext context)
        {
            if (context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim)?.Value is not { } claim || !Guid.TryParse(claim, out var organization))
            {
                return null;
            }

            var own = context.RequestServices.GetRequiredService<OrganizationRateLimits>().Find(organization);
            var options = context.RequestServices.GetRequiredService<RateLimitOptions>();
            return own is var (rate, burst) ? new(organization, rate, burst) : new(organization, options.RequestsPerSecond, options.Burst);
        }
    }
}
