using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scim.Application.Common;

namespace Scim.Api.Observability;

/// <summary>The request log line and request ids, the failed-authentication log, health checks and OpenTelemetry.</summary>
public static class ObservabilityServices
{
    /// <summary>The liveness endpoint: 200 while the process answers; it touches no database.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness endpoint: 200 when the database answers and no migration is pending, else 503.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The tag of the checks readiness runs.</summary>
    private const string ReadyTag = "ready";

    /// <summary>
    /// Registers <see cref="RequestLog"/> as the outermost middleware (<c>Scim:Logging:RequestLevel</c>, default
    /// <c>Information</c>), <see cref="FailedAuthentications"/>, the readiness check (<see cref="DatabaseHealthCheck"/>)
    /// and, only when an OTLP endpoint is set (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>Scim:OpenTelemetry:Endpoint</c>
    /// with <c>Scim:OpenTelemetry:Protocol</c> <c>grpc</c> (default) or <c>http/protobuf</c>), OpenTelemetry: traces of
    /// ASP.NET Core, HttpClient and Npgsql, and metrics of those and the <see cref="ScimMetrics.MeterName"/> meter, exported
    /// by OTLP. Without an endpoint no OpenTelemetry code runs.
    /// </summary>
    /// <exception cref="InvalidSettingException">A setting has a value the server does not know; the message names it.</exception>
    public static IServiceCollection AddScimObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var level = configuration["Scim:Logging:RequestLevel"] is { Length: > 0 } text
            ? Enum.TryParse<LogLevel>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidSettingException(
                    $"Scim:Logging:RequestLevel '{text}' is not a log level; use Trace, Debug, Information (the default), Warning, Error, Critical or None.")
            : LogLevel.Information;
        services.AddSingleton(new RequestLogOptions(level));
        services.AddSingleton<IStartupFilter, RequestLogStartup>();
        services.AddSingleton<FailedAuthentications>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        AddOpenTelemetry(services, configuration);
        return services;
    }

    /// <summary>
    /// Maps <see cref="LivePath"/>, <see cref="ReadyPath"/> and <c>/health</c> (the same as ready), outside the SCIM path
    /// base and without authentication. Each answers <c>text/plain</c> <c>Healthy</c> (200) or <c>Unhealthy</c> (503).
    /// </summary>
    public static IEndpointRouteBuilder MapScimHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    private static void AddOpenTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var standard = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var own = configuration["Scim:OpenTelemetry:Endpoint"];
        if (string.IsNullOrWhiteSpace(standard) && string.IsNullOrWhiteSpace(own))
        {
            return;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Scim.VerticalSlice"))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql())
            .WithMetrics(metrics => metrics.AddMeter(ScimMetrics.MeterName, "Npgsql")
                .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (string.IsNullOrWhiteSpace(own))
        {
            // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) as the OpenTelemetry SDK reads them.
            builder.UseOtlpExporter();
            return;
        }

        var protocol = configuration["Scim:OpenTelemetry:Protocol"]?.ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidSettingException($"Scim:OpenTelemetry:Protocol '{other}' is not known; use 'grpc' (the default) or 'http/protobuf'."),
        };
        builder.UseOtlpExporter(protocol, Uri.TryCreate(own, UriKind.Absolute, out var endpoint)
            ? endpoint
            : throw new InvalidSettingException($"Scim:OpenTelemetry:Endpoint '{own}' is not an absolute URI, e.g. http://collector:4317."));
    }

    // Outermost, ahead of the exception handler, so the line sees the status the client gets and every response has its id.
    private sealed class RequestLogStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<RequestLog>();
            next(app);
        };
    }
}
