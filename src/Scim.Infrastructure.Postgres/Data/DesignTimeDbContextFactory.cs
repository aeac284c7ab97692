using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Postgres.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without the web host or a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ScimDbContext>
{
    public ScimDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ScimDbContext>()
            .UseNpgsql("Host=localhost;Database=scim", npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModel>()
            .Options);
}
