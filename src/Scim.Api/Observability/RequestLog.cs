using System.Diagnostics;
using Scim.Api.Authentication;
using Scim.Application.Common;

namespace Scim.Api.Observability;

/// <summary>What the request log line needs to know that only the code answering the request does: the SCIM error's scimType.</summary>
public sealed class RequestLogFeature
{
    /// <summary>The RFC 7644 §3.12 scimType of the error answered, if any.</summary>
    public string? ScimType { get; set; }
}

/// <summary>The <c>Scim:Logging</c> settings.</summary>
/// <param name="RequestLevel">
/// The level of the one line each request writes (category <see cref="RequestLog.Category"/>), <c>Information</c> by
/// default; <c>Debug</c> keeps it out of a production log at the default levels, <c>None</c> turns it off.
/// </param>
public sealed record RequestLogOptions(LogLevel RequestLevel = LogLevel.Information);

/// <summary>
/// The outermost middleware: gives each request its id (a sane <c>X-Request-Id</c> the client sent, else the server's
/// trace identifier) as <see cref="HttpContext.TraceIdentifier"/> (which the provisioning journal records) and as the
/// <c>X-Request-Id</c> response header, and when it is answered writes one log line (method, slice, organization, key
/// prefix, status, scimType, duration, request id) and the <see cref="ScimMetrics"/> request measurements. No body,
/// path or personal data is logged.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers, RequestLogOptions options)
{
    /// <summary>The log category of the request lines.</summary>
    public const string Category = "Scim.Requests";

    /// <summary>The request and response header carrying the request's id.</summary>
    public const string HeaderName = "X-Request-Id";

    /// <summary>The longest client-sent request id accepted; a longer one is replaced by the server's.</summary>
    public const int MaxRequestIdLength = 128;

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        if (Accepted(context.Request.Headers[HeaderName]) is { } sent)
        {
            context.TraceIdentifier = sent;
        }

        // On starting, because the exception handler clears the headers of a response it replaces.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[HeaderName] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        var feature = new RequestLogFeature();
        context.Features.Set(feature);
        var budget = new LogBudget();
        LogBudget.Current = budget;
        try
        {
            await next(context);
        }
        finally
        {
            Answered(context, feature, budget, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// <paramref name="sent"/> when it is one value of 1 to <see cref="MaxRequestIdLength"/> characters, each a letter,
    /// digit or one of <c>-_.:/+=@</c> (GUIDs, W3C trace ids, base64); otherwise null, and the server's id is used.
    /// </summary>
    internal static string? Accepted(Microsoft.Extensions.Primitives.StringValues sent)
    {
        if (sent.Count != 1 || sent[0] is not { Length: > 0 and <= MaxRequestIdLength } id)
        {
            return null;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/' or '+' or '=' or '@'))
            {
                return null;
            }
        }

        return id;
    }

    private void Answered(HttpContext context, RequestLogFeature feature, LogBudget budget, double milliseconds)
    {
        var status = context.Response.StatusCode;
        var endpoint = context.GetEndpoint();
        var slice = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint?.DisplayName ?? "none";
        var organization = context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim)?.Value;
        ScimMetrics.Requests.Add(1,
            new("scim.organization", organization ?? "none"), new("scim.slice", slice), new("http.response.status_code", status));
        ScimMetrics.RequestDuration.Record(milliseconds, new KeyValuePair<string, object?>("scim.slice", slice));
        if (status >= 400)
        {
            ScimMetrics.Errors.Add(1, new("scim.scim_type", feature.ScimType ?? "none"), new("http.response.status_code", status));
        }

        // Probes ask every few seconds: their lines only at Debug.
        var level = context.Request.Path.StartsWithSegments("/health") ? LogLevel.Debug : options.RequestLevel;
        if (level != LogLevel.None && logger.IsEnabled(level))
        {
            var method = LogText.Of(context.Request.Method, 16);
            var keyPrefix = context.User.FindFirst(ApiKeyAuthenticationHandler.PrefixClaim)?.Value ?? "-";
            Request(logger, level, method, slice, status, feature.ScimType ?? "-", milliseconds, organization ?? "-", keyPrefix,
                context.TraceIdentifier, budget.Suppressed);
        }
    }

    [LoggerMessage(EventId = 1301, Message =
        "{Method} {Slice} answered {Status} {ScimType} in {ElapsedMilliseconds:0.0} ms; organization {OrganizationId}, key {KeyPrefix}, request {RequestId}, {SuppressedLines} lines suppressed")]
    private static partial void Request(ILogger logger, LogLevel level, string method, string slice, int status, string scimType,
        double elapsedMilliseconds, string organizationId, string keyPrefix, string requestId, int suppressedLines);
}
