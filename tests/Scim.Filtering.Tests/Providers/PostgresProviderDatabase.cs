using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Infrastructure.Postgres;
using Scim.Testing;

namespace Scim.Filtering.Tests.Providers;

/// <summary>
/// The server's PostgreSQL database, a database of its own on <see cref="PostgresServer"/>. Besides
/// <see cref="ProviderDatabase.Organization"/>, <see cref="Crowded"/> holds the same users among 10,000 others, so
/// that the planner, with statistics, chooses the plans it would choose for a real organization.
/// </summary>
public sealed class PostgresProviderDatabase : ProviderDatabase
{
    public static readonly Guid Crowded = Guid.Parse("c2a8e5d4-1f3b-4c6a-8e9d-0a1b2c3d4e5f");

    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedAsync(Crowded);
        await WithContextAsync(Crowded, async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO users ("Id", "OrganizationId", "UserName", "UserNameNormalized", "ExternalId", "Active", "DisplayName",
                    "DisplayNameNormalized", "CreatedUtc", "LastModifiedUtc", "Version", "Document")
                SELECT gen_random_uuid(), {Crowded}, 'Filler' || i || '@Example.net', 'filler' || i || '@example.net', 'filler-' || i, true,
                    'Filler ' || i, 'filler ' || i, t, t, 1, '\x7b7d'::bytea
                FROM generate_series(1, 10000) AS i, LATERAL (SELECT timestamptz '2000-01-01' + i * interval '1 minute' AS t) AS times
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_values ("OrganizationId", "UserId", "Attribute", "Ordinal", "Value", "ValueNormalized", "Type", "Primary")
                SELECT "OrganizationId", "Id", 'emails', 0, "UserName", "UserNameNormalized", 'work', true
                FROM users WHERE "OrganizationId" = {Crowded} AND "ExternalId" LIKE 'filler-%'
                """);
            // As after autovacuum: statistics, and the trigram indexes' pending entries merged (the planner counts
            // pending pages against an index, which made its choice depend on whether autovacuum had run).
            return await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        });
    }

    protected override async Task<string> CreateDatabaseAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    protected override IServiceCollection AddProvider(IServiceCollection services, string connectionString) =>
        PostgresDatabase.Add(services, connectionString);

    protected override Task DropDatabaseAsync() =>
        _connectionString is null ? Task.CompletedTask : PostgresServer.DropDatabaseAsync(_connectionString);
}
