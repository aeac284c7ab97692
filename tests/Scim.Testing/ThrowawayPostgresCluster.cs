namespace Scim.Testing;

/// <summary>
/// A PostgreSQL cluster of its own (<c>tools/postgres/throwaway-cluster.sh</c>), for a test that stops the database
/// under a running server; disposing stops it (again) and deletes its folder.
/// </summary>
public sealed class ThrowawayPostgresCluster : IDisposable
{
    private readonly string script;
    private readonly string root;

    private ThrowawayPostgresCluster(string script, string root, string connectionString) =>
        (this.script, this.root, ConnectionString) = (script, root, connectionString);

    /// <summary>The connection string of its maintenance database <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts one (initdb and pg_ctl start; seconds).</summary>
    /// <exception cref="InvalidOperationException">The script failed; the message has its output.</exception>
    public static ThrowawayPostgresCluster Start()
    {
        var script = Path.Combine(PostgresServer.RepositoryRoot(), "tools", "postgres", "throwaway-cluster.sh");
        var output = PostgresServer.Run(script, "start");
        string? root = null, connectionString = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // export NAME='value'
            var (name, value) = (line["export ".Length..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 2)..^1]);
            (root, connectionString) = name == "SCIM_PG_ROOT" ? (value, connectionString) : (root, value);
        }

        return root is null || connectionString is null
            ? throw new InvalidOperationException($"{script} start printed no cluster:\n{output}")
            : new ThrowawayPostgresCluster(script, root, connectionString);
    }

    /// <summary>Stops the server (fast shutdown: open connections are closed) and deletes its folder.</summary>
    public void Dispose() => PostgresServer.Run(script, "stop", root);
}
