using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Scim.Api;

/// <summary>
/// The one line the server prints, instead of a stack trace, when it cannot start because of its settings or its
/// database, so an operator sees what to change in the service's log.
/// </summary>
public static class StartupFailure
{
    /// <summary>
    /// The line for a SQLite database whose folder does not exist (SQLite creates the file, never its folder), checked
    /// before the database is opened so the line is the only output; null when the folder exists or the database is
    /// PostgreSQL.
    /// </summary>
    /// <param name="configuration">The server's configuration (<c>ConnectionStrings:Scim</c>).</param>
    /// <param name="database">The <c>Scim:Database</c> settings.</param>
    public static string? MissingSqliteFolder(IConfiguration configuration, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            || configuration.GetConnectionString("Scim") is not { Length: > 0 } connectionString)
        {
            return null;
        }

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        return dataSource is ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || folder is null || Directory.Exists(folder)
            ? null
            : $"The folder '{folder}' of the SQLite database in ConnectionStrings:Scim ('{dataSource}') does not exist; create it, writable by the server's user, or point Data Source at another file.";
    }

    /// <summary>The line for <paramref name="exception"/>, or null when it is no start-up problem an operator can fix.</summary>
    /// <param name="exception">What stopped the start.</param>
    /// <param name="database">The <c>Scim:Database</c> settings, named in the line of a database failure.</param>
    public static string? Describe(Exception exception, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return exception switch
        {
            // The message is already the line naming the setting (ScimOptionsValidation).
            OptionsValidationException invalid => invalid.Message,
            DbException db => $"The {database.Provider} database of ConnectionStrings:Scim could not be opened or migrated: {db.Message} "
                + (database.Provider == "postgres"
                    ? "Check that the server is reachable and the login and database in the connection string are right."
                    : "Check that the folder of its Data Source exists and the server's user may write to it."),
            _ => null,
        };
    }
}
