using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Users;
using Scim.Domain.Organizations;
using Scim.Infrastructure;
using Scim.Infrastructure.Data;

namespace Scim.Filtering.Tests.Providers;

/// <summary>
/// The server's database on one provider, registered and migrated as the server does it, with <see cref="FilterUsers"/>
/// in <see cref="Organization"/>; filters compile as the server compiles them, against the server's User filter map.
/// </summary>
public abstract class ProviderDatabase : IAsyncLifetime
{
    public static readonly Guid Organization = Guid.Parse("7f1d2c3b-4a59-4e68-9d7c-8b6a5f4e3d21");

    private ServiceProvider? services;

    /// <summary>The userNames of the users of <paramref name="organizationId"/> that <paramref name="filter"/> matches, in ordinal order.</summary>
    public Task<string[]> UserNamesAsync(string filter, Guid organizationId) =>
        WithContextAsync(organizationId, async db =>
        {
            var users = await db.Users.Where(Compile(filter, db)).Select(u => u.UserName).ToListAsync();
            return users.Order(StringComparer.Ordinal).ToArray();
        });

    /// <summary>Runs <paramref name="work"/> on a context bound to <paramref name="organizationId"/>, as a request's is.</summary>
    public async Task<T> WithContextAsync<T>(Guid organizationId, Func<ScimDbContext, Task<T>> work)
    {
        await using var scope = services!.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganizationContext>().OrganizationId = organizationId;
        return await work(scope.ServiceProvider.GetRequiredService<ScimDbContext>());
    }

    /// <summary>The server's predicate for <paramref name="filter"/> on users.</summary>
    public static System.Linq.Expressions.Expression<Func<Domain.Users.User, bool>> Compile(string filter, ScimDbContext db)
    {
        var compiled = FilterCompiler.Compile(filter, UserCatalogue.Catalogue.FilterMap, db);
        // A filter every user meets compiles to no predicate at all.
        return compiled.IsSuccess
            ? compiled.Value!.Predicate ?? (_ => true)
            : throw new InvalidOperationException($"'{filter}' did not compile: {compiled.Error?.Detail}");
    }

    public virtual async Task InitializeAsync()
    {
        services = AddProvider(new ServiceCollection().AddLogging(), await CreateDatabaseAsync()).BuildServiceProvider();
        await services.MigrateScimDatabaseAsync();
        await SeedAsync(Organization);
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Adds an organization named after its id holding <see cref="FilterUsers"/>.</summary>
    protected Task SeedAsync(Guid organizationId) =>
        WithContextAsync(organizationId, async db =>
        {
            var organization = new Organization { Id = organizationId, Name = organizationId.ToString(), CreatedUtc = DateTime.UtcNow };
            organization.Normalize();
            db.Organizations.Add(organization);
            db.Users.AddRange(FilterUsers.Create(organizationId));
            return await db.SaveChangesAsync();
        });

    /// <summary>An empty database; its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Registers the provider as the server does, e.g. <c>SqliteDatabase.Add</c>.</summary>
    protected abstract IServiceCollection AddProvider(IServiceCollection services, string connectionString);

    protected abstract Task DropDatabaseAsync();
}
