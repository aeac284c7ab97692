using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ScimDbContext>
{
    public ScimDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ScimDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .Options);
}
