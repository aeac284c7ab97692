using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Lookups shared by the organization and key commands, and their 404.</summary>
public static class OrganizationQueries
{
    /// <summary>
    /// The organizations in use: those whose deletion was not asked for. An organization being deleted is, for every
    /// administration read and write, an organization that does not exist (<see cref="NotFound"/>), until its erasure
    /// removes it.
    /// </summary>
    internal static IQueryable<Organization> InUse(this IQueryable<Organization> organizations) =>
        organizations.Where(o => o.DeletionRequestedUtc == null);

    /// <summary>The organization in use whose id or (case-insensitive) name is <paramref name="idOrName"/>, or null.</summary>
    internal static Task<Organization?> FindByIdOrNameAsync(
        this IQueryable<Organization> organizations, string idOrName, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            return organizations.InUse().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        }

        var normalized = idOrName.Trim().ToLowerInvariant();
        return organizations.InUse().FirstOrDefaultAsync(o => o.NameNormalized == normalized, cancellationToken);
    }

    /// <summary>True when the organization exists and is in use (one primary key lookup).</summary>
    internal static Task<bool> IsInUseAsync(this IQueryable<Organization> organizations, Guid id, CancellationToken cancellationToken) =>
        organizations.InUse().AnyAsync(o => o.Id == id, cancellationToken);

    /// <summary>
    /// The current time as both databases store it, in whole microseconds (PostgreSQL's precision): a time a command
    /// returns equals the one read back later.
    /// </summary>
    internal static DateTime StoredNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>
    /// The 404 of an organization id or name that no organization in use has; the administration API gives the same answer
    /// for another organization's id and for an organization being deleted, so none of them can be told apart.
    /// </summary>
    public static ScimError NotFound(string idOrName) => ScimError.NotFound($"No organization has the id or name '{idOrName}'.");
}

/// <summary>What an organization's name may be, and the answers of a write that stores one.</summary>
public static class OrganizationNames
{
    /// <summary>The longest name accepted, in UTF-16 code units after trimming.</summary>
    public const int MaxLength = 200;

    private const string What = "An organization's name";

    /// <summary>
    /// Null for an acceptable name (surrounding spaces are trimmed); otherwise 400 <c>invalidValue</c> saying why: empty, longer
    /// than <see cref="MaxLength"/>, or with a character <see cref="AdministrationText.Check"/> refuses.
    /// </summary>
    public static ScimError? Check(string? name) => AdministrationText.Check(name ?? "", What) ?? (name ?? "").Trim() switch
    {
        { Length: 0 } => ScimError.InvalidValue("An organization needs a non-empty 'name'."),
        { Length: > MaxLength } trimmed => AdministrationText.TooLong(What, MaxLength, trimmed.Length),
        _ => null,
    };

    /// <summary>
    /// Writes <paramref name="organization"/> by <paramref name="statement"/> (its insert or its rename) with its journal
    /// row <paramref name="change"/>, in one write of the organization; the organization as written, or 409
    /// <c>uniqueness</c> for a taken name, 404 for an organization that is gone (and then no row).
    /// </summary>
    internal static async Task<Result<Organization>> WriteAsync(
        this IResourceWriter writer, Organization organization, JournalEntry change,
        Func<IWriteSession, Organization, ValueTask<WriteStatus>> statement, CancellationToken cancellationToken)
    {
        var written = await writer.WriteAsync(
            organization.Id,
            1,
            async (session, _) => await session.RecordAsync(Outcome(await statement(session, organization), organization), change),
            cancellationToken);
        return written.IsSuccess ? organization : written.Error!;
    }

    private static Result<bool> Outcome(WriteStatus status, Organization organization) => status switch
    {
        WriteStatus.Written => true,
        WriteStatus.Conflict => ScimError.Uniqueness($"An organization named '{organization.Name}' already exists (names are compared case-insensitively)."),
        _ => OrganizationQueries.NotFound(organization.Id.ToString()),
    };
}
