using System.Data.Common;
using Microsoft.Data.Sqlite;
using Scim.Application.Common;

namespace Scim.Api;

/// <summary>
/// The one line the server prints, instead of a stack trace, when it cannot start because of its settings or its
/// database, so an operator sees what to change in the service's log.
/// </summary>
public static partial class StartupFailure
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

    /// <summary>
    /// The line for a setting the server cannot use: a value out of range or unknown (<see cref="InvalidSettingException"/>), or one that is not of the setting's type at all (the configuration
    /// binder's error, e.g. <c>Scim:Bulk:MaxOperations</c> <c>many</c>); null for any other exception.
    /// </summary>
    /// <param name="exception">What stopped the start.</param>
    /// <param name="configuration">The server's configuration, for the value of a setting that could not be converted.</param>
    public static string? DescribeSetting(Exception exception, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return exception switch
        {
            InvalidSettingException => exception.Message,
            InvalidOperationException when UnconvertibleValue().Match(exception.Message) is { Success: true } match =>
                $"{match.Groups["setting"].Value} '{configuration[match.Groups["setting"].Value]}' is not {KindOf(match.Groups["type"].Value)}; "
                + "correct it or remove it to use the default (see the settings table in the README).",
            _ => null,
        };
    }

    private static string KindOf(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" => "a number, such as 2.5",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a time span, such as 00:00:10",
        _ when type.StartsWith("System.Nullable`1[[System.Boolean", StringComparison.Ordinal) => "true or false",
        _ => $"a value of type {type}",
    };

    // The configuration binder's "Failed to convert configuration value 'x' at 'Scim:Bulk:MaxOperations' to type 'System.Int32'."
    [System.Text.RegularExpressions.GeneratedRegex("at '(?<setting>[^']+)' to type '(?<type>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex UnconvertibleValue();

    /// <summary>The line for <paramref name="exception"/>, or null when it is no start-up problem an operator can fix.</summary>
    /// <param name="exception">What stopped the start.</param>
    /// <param name="database">The <c>Scim:Database</c> settings, named in the line of a database failure.</param>
    public static string? Describe(Exception exception, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return exception switch
        {
            DbException db => $"The {database.Provider} database of ConnectionStrings:Scim could not be opened or migrated: {db.Message} "
                + (database.Provider == "postgres"
                    ? "Check that the server is reachable and the login and database in the connection string are right."
                    : "Check that the folder of its Data Source exists and the server's user may write to it."),
            _ => null,
        };
    }
}
