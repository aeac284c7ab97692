using Microsoft.EntityFrameworkCore;

namespace Scim.Application.Common.Persistence;

/// <summary>Access to the EF Core context behind <see cref="IScimDbContext"/>.</summary>
internal static class ScimDbContextExtensions
{
    /// <summary>The <see cref="DbContext"/> itself, which compiled queries (<c>EF.CompileAsyncQuery</c>) take.</summary>
    /// <exception cref="InvalidOperationException">The implementation is not an EF Core context.</exception>
    public static DbContext AsDbContext(this IScimDbContext db) =>
        db as DbContext ?? throw new InvalidOperationException($"{db.GetType().Name} is not an EF Core DbContext.");
}
