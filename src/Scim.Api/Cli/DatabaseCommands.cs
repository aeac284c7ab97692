using System.CommandLine;
using System.Data.Common;
using Scim.Infrastructure;

namespace Scim.Api.Cli;

/// <summary>
/// <c>db migrate</c> and <c>db status</c>: the schema as a deployment step of its own, for deployments that set
/// <c>Scim:Database:MigrateOnStart=false</c>. Both use the configured provider and connection string, as the server does.
/// </summary>
internal static class DatabaseCommands
{
    /// <summary>
    /// The <c>db</c> command. <c>db migrate</c> creates the database if missing, applies the pending migrations through
    /// <see cref="IScimDatabase.MigrateAsync"/> (on PostgreSQL under its advisory lock, so several at once are safe) and
    /// lists the ones it applied; exit 0, or 1 with the database's error. <c>db status</c> lists applied and pending
    /// migrations without changing anything; exit 0 when the schema is current, 1 when migrations are pending or the
    /// database cannot be read.
    /// </summary>
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var provider = services.GetRequiredService<IScimDatabase>().Provider;
        var migrate = new Command("migrate", "Apply the pending schema migrations (creating the database if missing).");
        migrate.SetAction((_, ct) => ReportFailureAsync(error, async () =>
        {
            var applied = await services.MigrateScimDatabaseAsync(ct);
            if (applied.Count == 0)
            {
                output.WriteLine($"The {provider} database schema is current; no migration to apply.");
                return 0;
            }

            output.WriteLine($"Applied {applied.Count} migration(s) to the {provider} database:");
            WriteList(output, applied);
            return 0;
        }));

        var status = new Command("status", "List applied and pending schema migrations; exit 1 when some are pending.");
        status.SetAction((_, ct) => ReportFailureAsync(error, async () =>
        {
            var schema = await SchemaStatus.ReadAsync(services, ct);
            output.WriteLine($"Applied migrations ({provider}): {schema.Applied.Count}");
            WriteList(output, schema.Applied);
            if (schema.Unknown.Count > 0)
            {
                output.WriteLine("Applied by a newer version (unknown to this one):");
                WriteList(output, schema.Unknown);
            }

            if (schema.IsCurrent)
            {
                output.WriteLine("Pending migrations: none; the schema is current.");
                return 0;
            }

            output.WriteLine($"Pending migrations: {schema.Pending.Count} (apply them with 'db migrate')");
            WriteList(output, schema.Pending);
            return 1;
        }));

        return new Command("db", "Manage the database schema.") { migrate, status };
    }

    private static void WriteList(TextWriter output, IEnumerable<string> migrations)
    {
        foreach (var migration in migrations)
        {
            output.WriteLine($"  {migration}");
        }
    }

    // The database's own message (unreachable server, refused login, failed statement) is what the operator needs; a
    // stack trace is not.
    private static async Task<int> ReportFailureAsync(TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (DbException ex)
        {
            error.WriteLine($"The database failed: {ex.Message}");
            return 1;
        }
    }
}
