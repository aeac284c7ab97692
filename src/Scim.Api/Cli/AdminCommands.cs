using System.CommandLine;
using Mediator;
using Scim.Api.Authentication;
using Scim.Api.Endpoints.Admin;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Cli;

/// <summary>
/// Administration from the command line, against the same database as the server:
/// <c>orgs create NAME</c>, <c>orgs list</c>, <c>orgs rename ORG NEW-NAME</c>,
/// <c>keys create --org ORG [--name NAME] [--scopes scim,read,write,admin] [--expires WHEN]</c>,
/// <c>keys list --org ORG</c>, <c>keys revoke KEY-ID</c>, <c>operator secret</c>, <c>db migrate</c>, <c>db status</c>
/// (<see cref="DatabaseCommands"/>). They send the same slices as the administration API (<c>/admin</c>), so a change
/// made here is journaled as one made there, with no actor (the command line). The organization and key commands prepare the schema as the server does
/// (<see cref="DatabaseReadiness"/>): they migrate it, or with <c>Scim:Database:MigrateOnStart=false</c> refuse to run
/// on an out-of-date one.
/// </summary>
public static class AdminCommands
{
    /// <summary>
    /// True when <paramref name="args"/> start with a command word or a help request rather than server options
    /// such as <c>--urls</c>: a mistyped command must print an error, not start a second server.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?");

    /// <summary>Runs the command; returns the process exit code (0 success, 1 failure, 2 usage error).</summary>
    /// <param name="args">The command line, e.g. <c>keys list --org Contoso</c>.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where failures go (standard error).</param>
    /// <param name="settings">Configuration overriding appsettings.json and the environment (tests point it at their database).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddScimCore(builder.Configuration);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Scim:Database").Get<DatabaseOptions>() ?? new DatabaseOptions());
        using var host = builder.Build();

        var root = new RootCommand("""
            Scim.VerticalSlice: a SCIM 2.0 server. Without a command it runs the server
            (server options such as --urls http://localhost:5080 go after '--' in dotnet run).
            The commands below administer organizations, API keys and the schema of the server's database.
            """);
        root.Subcommands.Add(Organizations(host.Services, output, error));
        root.Subcommands.Add(Keys(host.Services, output, error));
        root.Subcommands.Add(Operator(output));
        root.Subcommands.Add(DatabaseCommands.Create(host.Services, output, error));
        root.Subcommands.Add(ActivityCommands.Create(host.Services, output, error));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command Organizations(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The organization's name (unique)." };
        var create = new Command("create", "Create an organization.") { name };
        create.SetAction((parse, ct) => SendAsync(services, error, m => m.Send(new CreateOrganization.Command(parse.GetValue(name)!), ct), organization =>
            output.WriteLine($"Created organization '{organization.Name}' ({organization.Id}).")));
        var list = new Command("list", "List organizations with their ids, by name.");
        list.SetAction(async (parse, ct) =>
        {
            output.WriteLine($"{"ID",-36}  {"CREATED (UTC)",-19}  NAME");
            string? cursor = null;
            int status;
            // Page by page, as the administration API lists them: each page is one range of the name index.
            do
            {
                status = await SendAsync(services, error, m => m.Send(new ListOrganizations.Query(ListOrganizations.MaxCount, cursor), ct), page =>
                {
                    foreach (var organization in page.Organizations)
                    {
                        output.WriteLine($"{organization.Id,-36}  {organization.CreatedUtc:yyyy-MM-dd HH:mm:ss}  {organization.Name}");
                    }

                    cursor = page.NextCursor;
                });
            }
            while (status == 0 && cursor is not null);
            return status;
        });
        var organization = new Argument<string>("organization") { Description = "The organization's id or current name." };
        var newName = new Argument<string>("new-name") { Description = "Its new name (unique)." };
        var rename = new Command("rename", "Give an organization another name.") { organization, newName };
        rename.SetAction((parse, ct) => SendAsync(services, error,
            m => m.Send(new RenameOrganization.Command(parse.GetValue(organization)!, parse.GetValue(newName)!), ct),
            renamed => output.WriteLine($"Organization {renamed.Id} is now named '{renamed.Name}'.")));
        return new Command("orgs", "Manage organizations.") { create, list, rename };
    }

    private static Command Keys(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var org = new Option<string>("--org") { Description = "The organization's id or name.", Required = true };
        var name = new Option<string>("--name") { Description = "A label for the key.", DefaultValueFactory = _ => "default" };
        var scopes = new Option<string[]>("--scopes")
        {
            Description = "Scopes among scim (every SCIM request), read (SCIM reads), write (SCIM writes) and admin (the administration API), comma- or space-separated.",
            DefaultValueFactory = _ => ["scim"],
            AllowMultipleArgumentsPerToken = true,
        };
        var expires = new Option<string?>("--expires") { Description = $"When the key stops working: {KeyExpiry.Forms}. Default: never." };
        var create = new Command("create", "Create an API key; its token is printed once.") { org, name, scopes, expires };
        create.SetAction(async (parse, ct) =>
        {
            // Several scopes may share an argument, comma- or space-separated (--scopes scim,read), as well as come one per argument.
            var parsed = ApiKeyScopeNames.Parse(
                parse.GetValue(scopes)!.SelectMany(w => w.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)),
                "--scopes", ", e.g. --scopes read write");
            if (!parsed.IsSuccess)
            {
                error.WriteLine(parsed.Error.Detail);
                return 2;
            }

            DateTimeOffset? expiry = null;
            if (parse.GetValue(expires) is { } text
                && (expiry = KeyExpiry.Parse(text, services.GetRequiredService<TimeProvider>().GetUtcNow())) is null)
            {
                error.WriteLine($"--expires '{text}' is not {KeyExpiry.Forms}.");
                return 2;
            }

            return await SendAsync(services, error, m => m.Send(new CreateApiKey.Command(parse.GetValue(org)!, parse.GetValue(name)!, parsed.Value, expiry), ct), created =>
            {
                output.WriteLine($"Created API key {created.Key.Id} '{created.Key.Name}' with scopes: {ApiKeyScopeNames.Format(created.Key.Scopes)}"
                    + (created.Key.ExpiresUtc is { } at ? $", expiring {at:yyyy-MM-dd HH:mm:ss} UTC" : ""));
                output.WriteLine("Token (shown only now; store it as the Secret Token):");
                output.WriteLine(created.Token);
            });
        });

        var list = new Command("list", "List an organization's API keys (never their secrets), with when each was last used (to the minute).") { org };
        list.SetAction((parse, ct) => SendAsync(services, error, m => m.Send(new ListApiKeys.Query(parse.GetValue(org)!), ct), keys =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            output.WriteLine($"{"ID",-36}  {"PREFIX",-12}  {"LABEL",-20}  {"SCOPES",-21}  {"CREATED (UTC)",-16}  {"LAST USED (UTC)",-16}  {"EXPIRES (UTC)",-16}  "
                + $"{"REVOKED (UTC)",-16}  STATUS");
            // The fields of GET /admin/organizations/{id}/keys, from the same representation.
            foreach (var key in keys.Select(k => AdminApiKey.From(k, now)))
            {
                output.WriteLine($"{key.Id,-36}  {key.Prefix,-12}  {key.Label,-20}  {string.Join(' ', key.Scopes),-21}  {key.Created:yyyy-MM-dd HH:mm}  "
                    + $"{Minute(key.LastUsed),-16}  {Minute(key.Expires),-16}  {(key.Revoked is { } revoked ? $"{revoked:yyyy-MM-dd HH:mm}" : "-"),-16}  {key.Status}");
            }
        }));

        var keyId = new Argument<Guid>("key-id") { Description = "The key's id, as listed." };
        var revoke = new Command("revoke", "Revoke an API key; it gets 401 from then on.") { keyId };
        revoke.SetAction((parse, ct) => SendAsync(services, error, m => m.Send(new RevokeApiKey.Command(parse.GetValue(keyId)), ct), key =>
            output.WriteLine($"API key {key.Id} '{key.Name}' is revoked (since {key.RevokedUtc:yyyy-MM-dd HH:mm:ss} UTC).")));

        return new Command("keys", "Manage API keys.") { create, list, revoke };
    }

    private static Command Operator(TextWriter output)
    {
        var secret = new Command("secret", "Print a new random operator secret for the administration API, and the entry that admits it.");
        secret.SetAction(_ =>
        {
            var created = OperatorKeys.CreateSecret();
            var entry = OperatorKeys.EntryOf(created);
            output.WriteLine("Operator secret (shown only now; the server never stores it):");
            output.WriteLine(created);
            output.WriteLine();
            output.WriteLine("Add its hash to Scim:Admin:OperatorKeys (appsettings.json; taken up without a restart), beside the entries in force:");
            output.WriteLine($"  \"Scim\": {{ \"Admin\": {{ \"OperatorKeys\": [ \"{entry}\" ] }} }}");
            output.WriteLine("or as an environment variable (read at start; N = the entry's position in the list):");
            output.WriteLine($"  Scim__Admin__OperatorKeys__N={entry}");
            return 0;
        });
        return new Command("operator", "Manage the operator credential of the administration API.") { secret };
    }

    private static string Minute(DateTime? utc) => utc is { } value ? $"{value:yyyy-MM-dd HH:mm}" : "never";

    internal static async Task<int> SendAsync<T>(IServiceProvider services, TextWriter error, Func<IMediator, ValueTask<Result<T>>> send, Action<T> print)
    {
        // Prepared here, not up front, so that help and usage errors never create a database.
        if (await DatabaseReadiness.PrepareAsync(services, services.GetRequiredService<DatabaseOptions>(), CancellationToken.None) is { } notReady)
        {
            error.WriteLine(notReady);
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await send(scope.ServiceProvider.GetRequiredService<IMediator>());
        if (!result.IsSuccess)
        {
            error.WriteLine(result.Error.Detail);
            return 1;
        }

        print(result.Value!);
        return 0;
    }
}
