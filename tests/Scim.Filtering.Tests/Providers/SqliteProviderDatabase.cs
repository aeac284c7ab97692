using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Scim.Infrastructure.Sqlite;

namespace Scim.Filtering.Tests.Providers;

/// <summary>The server's SQLite database in a temporary file.</summary>
public sealed class SqliteProviderDatabase : ProviderDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"scim-filters-{Guid.NewGuid():N}.db");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_path}");

    protected override IServiceCollection AddProvider(IServiceCollection services, string connectionString) =>
        SqliteDatabase.Add(services, connectionString);

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
