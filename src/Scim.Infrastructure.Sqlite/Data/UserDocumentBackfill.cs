using Microsoft.EntityFrameworkCore;
using Scim.Application.Features.Users;
using Scim.Infrastructure.Data;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// Renders the stored document of users written before documents existed (an empty <c>Document</c>), in chunks;
/// runs once, at the start-up that applies the migration adding the column.
/// </summary>
internal static class UserDocumentBackfill
{
    /// <summary>The migration after which the backfill runs.</summary>
    public const string Migration = "LeanResourcePath";

    private const int ChunkSize = 1_000;

    public static async Task RunAsync(ScimDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var users = await db.Users.IgnoreQueryFilters()
                .Where(u => u.Document.Length == 0)
                .OrderBy(u => u.Id)
                .Include(u => u.Values).Include(u => u.Addresses).AsSplitQuery()
                .Take(ChunkSize)
                .ToListAsync(cancellationToken);
            if (users.Count == 0)
            {
                return;
            }

            foreach (var user in users)
            {
                user.Document = UserDocument.Render(user);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
