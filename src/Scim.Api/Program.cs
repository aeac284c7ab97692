using Mediator;
using Microsoft.AspNetCore.Diagnostics;
using Scim.Api;
using Scim.Api.Authentication;
using Scim.Api.Authorization;
using Scim.Api.Cli;
using Scim.Api.Endpoints;
using Scim.Api.Endpoints.Admin;
using Scim.Api.Http;
using Scim.Api.Limits;
using Scim.Api.Manage;
using Scim.Api.Observability;
using Scim.Api.OpenApi;
using Scim.Application.Common;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

if (AdminCommands.Handles(args))
{
    return await AdminCommands.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
ScimOptions options;
WebApplication app;

// Every setting is bound and checked here (the services' own checks, then ScimOptionsValidation), so a value the server
// cannot use stops it before it touches the database, with one line naming the setting instead of a stack trace.
try
{
    options = builder.Configuration.GetSection("Scim").Get<ScimOptions>() ?? new ScimOptions();
    options.PathBase = options.PathBase.TrimEnd('/');
    options.Manage.Path = options.Manage.Path.TrimEnd('/');
    builder.WebHost.UseScimRequestLineLimits();
    builder.Services.AddSingleton(options);
    builder.Services.AddScimCore(builder.Configuration);
    builder.Services.AddScimObservability(builder.Configuration);
    builder.Services.AddApiKeyAuthentication(options.ApiKeys, builder.Configuration);
    builder.Services.AddScimManage(options.Manage);
    builder.Services.AddScimRateLimits(options.RateLimits);
    builder.Services.AddScimOpenApi();
    builder.Services.AddAdminOpenApi();
    builder.Services.AddSingleton(_ => new LargeRequestBodies(options.RequestBodies));
    // Before Kestrel takes the body limit: it refuses a negative size with an exception of its own while the host is built.
    if (ScimOptionsValidation.Problem(options) is { } problem)
    {
        throw new InvalidSettingException(problem);
    }

    builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.RequestBodies.MaxSize);
    builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
    app = builder.Build();
}
catch (Exception ex) when (StartupFailure.DescribeSetting(ex, builder.Configuration) is { } invalid)
{
    await Console.Error.WriteLineAsync(invalid);
    return 1;
}

// A database that cannot be opened (a SQLite file in a missing folder, a PostgreSQL server that refuses the login) ends
// the process with one line naming the problem instead of a stack trace.
try
{
    if (StartupFailure.MissingSqliteFolder(app.Configuration, options.Database) is { } missingFolder)
    {
        await Console.Error.WriteLineAsync(missingFolder);
        return 1;
    }

    if (await DatabaseReadiness.PrepareAsync(app.Services, options.Database, CancellationToken.None) is { } notReady)
    {
        // Before listening, so no load balancer ever sends a request to an instance whose schema is out of date.
        await Console.Error.WriteLineAsync(notReady);
        return 1;
    }
}
catch (Exception ex) when (StartupFailure.Describe(ex, options.Database) is { } failure)
{
    await Console.Error.WriteLineAsync(failure);
    return 1;
}

// First, so everything after it sees the public scheme, host and path base of requests from a trusted proxy.
app.UseScimForwardedHeaders(options.ForwardedHeaders);
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // Bodies over the size limit and aborted uploads are the client's doing: answer them without an error log entry.
    SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
    // Unexpected failures still answer in SCIM's error format; the exception itself goes to the log.
    ExceptionHandler = context =>
    {
        var status = context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad ? bad.StatusCode : 500;
        return ScimErrorResponse.WriteAsync(context, status == 500
            ? new ScimError(500, null, "The server failed to handle the request; the error has been logged.")
            : ScimErrorResponse.ForStatus(status, context.Request));
    },
});
app.UseStatusCodePages(context => context.HttpContext.Response.HasStarted || context.HttpContext.Response.ContentLength > 0
    ? Task.CompletedTask
    : ScimErrorResponse.WriteAsync(context.HttpContext, ScimErrorResponse.ForStatus(context.HttpContext.Response.StatusCode, context.HttpContext.Request)));

// The owner's page answers errors in HTML, inside the SCIM error handlers above.
app.UseScimManage(options.Manage);

// The OpenAPI documents and Swagger UI, outside the SCIM path base and without authentication; outside Development only
// when Scim:OpenApi:Enabled asks for them.
if (options.OpenApi.Enabled ?? app.Environment.IsDevelopment())
{
    app.UseScimOpenApi();
    app.UseAdminOpenApi();
}

app.UseRefusedTokenLimit();
app.UseAuthentication();
// After authentication: each organization's token bucket is found by the API key's organization.
app.UseRateLimiter();
app.UseAuthorization();

// Outside the SCIM base and unauthenticated, for load balancers and orchestrators.
app.MapScimHealth();

// Every SCIM endpoint needs a SCIM scope; those that read or write resources name the scope they need on top.
var scim = app.MapGroup(options.PathBase).RequireAuthorization(ApiKeyPolicies.ScimAny);
scim.MapUsers();
scim.MapGroups();
scim.MapBulk();
scim.MapDiscovery();
scim.MapMe();
scim.MapRootSearch();

// The administration API: organizations, their keys, erasure, activity and change feed, outside the SCIM path base.
app.MapAdmin();

// The organization owner's page (Scim:Manage:Path, /manage): keys, connecting an identity provider, activity.
app.MapScimManage(options.Manage);

await app.StartAsync();
if (options.CreateFirstOrganization)
{
    await using var scope = app.Services.CreateAsyncScope();
    var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
        .Send(new BootstrapDevelopmentOrganization.Command(options.FirstOrganizationName, options.Manage.Enabled));
    if (created is not null)
    {
        // Printed once, on the first start of an empty database: the quickest way to a working SCIM token.
        // After start, so the example uses the address the server really listens on.
        var address = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine($"""

            First start: created organization '{options.FirstOrganizationName}' and an API key with the 'scim' scope.
            Secret token (shown only now):

                {created.Scim.Token}

            Try: curl -H "Authorization: Bearer {created.Scim.Token}" {address}{options.PathBase}/Users

            """);
        if (created.Owner is { } owner)
        {
            Console.WriteLine($"""
                Owner's page: {address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}{options.Manage.Path}
                Sign in there with this key of the 'admin' scope (shown only now):

                    {owner.Token}

                """);
        }
    }
}

await app.WaitForShutdownAsync();
return 0;
