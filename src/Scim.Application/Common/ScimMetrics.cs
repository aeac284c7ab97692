using System.Diagnostics.Metrics;

namespace Scim.Application.Common;

/// <summary>
/// The server's instruments, on the <c>System.Diagnostics.Metrics</c> meter <see cref="MeterName"/> (exported through
/// OpenTelemetry when an OTLP endpoint is set, readable by <c>dotnet-counters</c> and a <see cref="MeterListener"/>
/// always). Tag values are ids and fixed names, never client text.
/// </summary>
public static class ScimMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Scim.Server";

    /// <summary>The meter every instrument below belongs to.</summary>
    public static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// <c>scim.server.requests</c>: requests answered, tagged <c>scim.organization</c> (the key's organization id, or
    /// <c>none</c>), <c>scim.slice</c> (the endpoint's name, or <c>none</c>) and <c>http.response.status_code</c>.
    /// </summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "scim.server.requests", "{request}", "Requests answered, by organization, slice and status.");

    /// <summary>
    /// <c>scim.server.errors</c>: SCIM error responses (status 400 and above), tagged <c>scim.scim_type</c> (RFC 7644
    /// §3.12's scimType, or <c>none</c>) and <c>http.response.status_code</c>.
    /// </summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "scim.server.errors", "{error}", "SCIM error responses, by scimType and status.");

    /// <summary><c>scim.server.request.duration</c>: milliseconds from the request's arrival to its answer, tagged <c>scim.slice</c>.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "scim.server.request.duration", "ms", "Time to answer a request, in milliseconds.");

    /// <summary>
    /// <c>scim.server.writer.queue_depth</c>: writes waiting for the database writer (SQLite: queued for the next group
    /// commit; PostgreSQL: waiting for one of their organization's write turns), tagged <c>db.system</c>.
    /// </summary>
    public static readonly UpDownCounter<long> WriterQueueDepth = Meter.CreateUpDownCounter<long>(
        "scim.server.writer.queue_depth", "{write}", "Writes waiting for the database writer.");

    /// <summary>
    /// <c>scim.server.writer.batch_size</c>: writes committed by one database transaction (SQLite's group commit; 1 on
    /// PostgreSQL, where each write commits alone), tagged <c>db.system</c>.
    /// </summary>
    public static readonly Histogram<int> WriterBatchSize = Meter.CreateHistogram<int>(
        "scim.server.writer.batch_size", "{write}", "Writes committed by one transaction.");

    /// <summary>
    /// <c>scim.server.writer.yields</c>: large writes undone to let small writes of other organizations commit first, and
    /// run again (SQLite only), tagged <c>db.system</c>.
    /// </summary>
    public static readonly Counter<long> WriterYields = Meter.CreateCounter<long>(
        "scim.server.writer.yields", "{write}", "Large writes undone and run again after small writes of other organizations.");

    /// <summary>
    /// <c>scim.server.rate_limit.rejections</c>: requests refused by a rate limit (429, or 503 for expensive work), tagged
    /// <c>scim.organization</c> when the caller's organization is known, and <see cref="RateLimitTag"/> with the limit:
    /// <c>organization</c> (the requests per second), <c>refused_token</c> (a client address's refused tokens) or
    /// <c>expensive_work</c> (an organization's expensive requests at once).
    /// </summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "scim.server.rate_limit.rejections", "{request}", "Requests refused by a rate limit.");

    /// <summary>The tag of <see cref="RateLimitRejections"/> naming the limit that refused the request.</summary>
    public const string RateLimitTag = "scim.rate_limit";
}
