using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Scim.Protocol;

namespace Scim.Application.Common.Persistence;

/// <summary>Recognises database errors that are expected outcomes rather than bugs.</summary>
public static class DbErrors
{
    /// <summary>
    /// True when a save failed on a unique index (SQLite "UNIQUE constraint failed", PostgreSQL SQLSTATE 23505):
    /// the loser of two concurrent creates of the same userName gets 409, not 500.
    /// </summary>
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is DbException inner
        && (inner.SqlState == "23505" || inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));

    /// <summary>Saves; a unique-index violation becomes 409 uniqueness with <paramref name="conflictDetail"/>, other failures propagate.</summary>
    public static async Task<ScimError?> SaveOrConflictAsync(this IScimDbContext db, string conflictDetail, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return ScimError.Uniqueness(conflictDetail);
        }
    }
}
