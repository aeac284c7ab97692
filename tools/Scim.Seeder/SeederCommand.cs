using System.CommandLine;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scim.Client;
using Scim.Seeder.Api;
using Scim.Seeder.Database;
using Scim.Seeder.Generation;
using Spectre.Console;

namespace Scim.Seeder;

/// <summary>
/// The command line: <c>--via db</c> (bulk load into the server's database, SQLite or PostgreSQL) or <c>--via api</c>
/// (through the SCIM client). Exit codes: 0 done, 1 failure (unknown organization, unreachable server, bad database), 2 bad arguments.
/// </summary>
internal static class SeederCommand
{
    /// <summary>Runs the seeder.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where progress and the summary go.</param>
    /// <param name="error">Where failures go, one line each.</param>
    /// <param name="httpClientFactory">Builds the HTTP client for <c>--via api</c> from the base URL and token (tests pass the in-memory server's).</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, Func<Uri, string, HttpClient>? httpClientFactory = null)
    {
        var users = new Option<int>("--users") { Description = "Users to seed.", DefaultValueFactory = _ => 1_000 };
        var groups = new Option<int?>("--groups") { Description = "Groups (teams) to seed [default: users / 100, at least 1]." };
        var memberships = new Option<long?>("--memberships") { Description = "Group memberships, spread over the groups from pairs to organization-wide [default: 5 × users]." };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed gives the same directory (and re-runs skip what is there).", DefaultValueFactory = _ => 1 };
        var domain = new Option<string>("--domain") { Description = "UPN and e-mail domain.", DefaultValueFactory = _ => "contoso.com" };
        var via = new Option<string>("--via") { Description = "db: bulk-load the server's database; api: send SCIM requests.", DefaultValueFactory = _ => "db" };
        via.AcceptOnlyFromAmong("db", "api");
        var org = new Option<string>("--org") { Description = "(db) The organization's name or id; it must exist.", DefaultValueFactory = _ => "Development" };
        var connection = new Option<string>("--connection")
        {
            Description = "(db) The server's database: \"Data Source=scim.db\" (SQLite) or \"Host=...;Database=...;Username=...;Password=...\" (PostgreSQL).",
            DefaultValueFactory = _ => "Data Source=scim.db",
        };
        var provider = new Option<string?>("--provider") { Description = "(db) sqlite or postgres, as the server's Scim:Database:Provider [default: postgres when --connection names a Host, else sqlite]." };
        provider.AcceptOnlyFromAmong("sqlite", "postgres", "postgresql");
        var baseUrl = new Option<string>("--base-url") { Description = "(api) The SCIM base URL.", DefaultValueFactory = _ => "http://localhost:5080/" };
        var token = new Option<string>("--token") { Description = "(api) A key with the 'scim' scope; it decides the organization." };
        var concurrency = new Option<int>("--concurrency") { Description = "(api) Requests in flight at once.", DefaultValueFactory = _ => 8 };

        var root = new RootCommand("Seeds a SCIM directory with Entra-shaped users, teams, memberships and managers, deterministically from a seed.")
        {
            users, groups, memberships, seed, domain, via, org, connection, provider, baseUrl, token, concurrency,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var userCount = parse.GetValue(users);
                var groupCount = parse.GetValue(groups) ?? Math.Max(userCount / 100, 1);
                var membershipCount = parse.GetValue(memberships) ?? (userCount * 5L);
                if (userCount < 1 || groupCount < 0 || membershipCount < 0)
                {
                    throw new SeederException("--users must be at least 1; --groups and --memberships cannot be negative", 2);
                }

                if (membershipCount > (long)groupCount * userCount)
                {
                    console.MarkupLineInterpolated($"[yellow]{membershipCount:N0} memberships do not fit in {groupCount:N0} groups of at most {userCount:N0} users; seeding {(long)groupCount * userCount:N0}.[/]");
                    membershipCount = (long)groupCount * userCount;
                }

                var plan = new SeedPlan(parse.GetValue(seed), userCount, groupCount, membershipCount, parse.GetValue(domain)!);
                SeedSummary summary;
                if (parse.GetValue(via) == "api")
                {
                    summary = await SeedThroughApiAsync(plan, parse.GetValue(baseUrl)!, parse.GetValue(token), parse.GetValue(concurrency), console, httpClientFactory, cancellationToken);
                }
                else
                {
                    var connectionString = parse.GetValue(connection)!;
                    await using var target = (parse.GetValue(provider) ?? ProviderOf(connectionString)) == "sqlite"
                        ? (ISeedTarget)await SqliteTarget.OpenAsync(connectionString, console, cancellationToken)
                        : await PostgresTarget.OpenAsync(connectionString, cancellationToken);
                    summary = await new DbSeeder(plan, target, parse.GetValue(org)!, console).RunAsync(cancellationToken);
                }

                summary.Render(console, $"Seeded (seed {plan.Seed}, via {parse.GetValue(via)})");
                return 0;
            }
            catch (SeederException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("error: cancelled; run the same command again to continue (what is there is skipped)");
                return 1;
            }
            catch (Exception e) when (e is SqliteException or NpgsqlException)
            {
                await error.WriteLineAsync($"error: database: {OneLine(e.Message)}");
                return 1;
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"error: HTTP: {OneLine(e.Message)}");
                return 1;
            }
            catch (ScimException e)
            {
                await error.WriteLineAsync($"error: {OneLine(e.Message)}");
                return 1;
            }
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Bad arguments are exit code 2, like the seeder's own validation, with one line per problem.
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message.ReplaceLineEndings(" ")}");
            }

            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error });
    }

    private static async Task<SeedSummary> SeedThroughApiAsync(
        SeedPlan plan, string baseUrl, string? token, int concurrency, IAnsiConsole console, Func<Uri, string, HttpClient>? httpClientFactory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new SeederException("--via api needs --token (a key with the 'scim' scope)", 2);
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new SeederException($"--base-url must be an absolute http(s) URL: {baseUrl}", 2);
        }

        if (concurrency < 1)
        {
            throw new SeederException("--concurrency must be at least 1", 2);
        }

        var baseAddress = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        using var http = httpClientFactory?.Invoke(baseAddress, token) ?? new HttpClient(new ScimBearerTokenHandler(token)
        {
            InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, ConnectTimeout = TimeSpan.FromSeconds(10) },
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };

        return await new ApiSeeder(plan, new ScimClient(http), baseAddress, concurrency, console).RunAsync(cancellationToken);
    }

    /// <summary>The provider a connection string is for: PostgreSQL's name a Host (or Server), SQLite's a Data Source.</summary>
    internal static string ProviderOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            // Not a connection string at all: SQLite's parser says what is wrong with it, as before PostgreSQL was known.
            return "sqlite";
        }

        return builder.ContainsKey("Host") || builder.ContainsKey("Server") ? "postgres" : "sqlite";
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
