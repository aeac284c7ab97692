using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Lists the organizations in use (administration only; no API key sees this) by lower-case name, a page at a time; an
/// organization being deleted is left out, as every administration read of it answers 404. A page is one range read of
/// the unique name index: the rows after the cursor's name, <see cref="Query.Count"/> of them (and one more, to know
/// whether a next page exists), however deep the page. The cursor is where the previous page ended, sealed as every
/// cursor of the server is (<see cref="ListCursors"/>: a foreign or altered one is 400 <c>invalidCursor</c>; it does not
/// expire), so an organization created or renamed meanwhile is listed where its name now sorts, and none is listed twice
/// or skipped unless renamed across the cursor.
/// </summary>
public static class ListOrganizations
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultCount = 100;

    /// <summary>The largest page size.</summary>
    public const int MaxCount = 1000;

    // Longer than the cursor of any name (its UTF-8 bytes, sealed), shorter than what is worth decoding.
    private const int MaxCursorLength = 4096;

    // The organizations are the deployment's, not one organization's: their cursors are bound to no organization.
    private const string Binding = "organizations";

    private const string NotThisList =
        "'cursor' is not a cursor this list gave out; send the 'nextCursor' of the previous page as it is, or none for the first page.";

    /// <param name="Count">How many organizations a page holds, 1 to <see cref="MaxCount"/>.</param>
    /// <param name="Cursor">The previous page's <see cref="Page.NextCursor"/>, or null for the first page.</param>
    public sealed record Query(int Count = DefaultCount, string? Cursor = null) : IQuery<Result<Page>>;

    /// <summary>One page of organizations.</summary>
    /// <param name="Organizations">The page's organizations, by lower-case name.</param>
    /// <param name="NextCursor">The cursor of the next page; null on the last page.</param>
    public sealed record Page(IReadOnlyList<Organization> Organizations, string? NextCursor);

    internal sealed class Handler(IScimDbContext db, ListCursors cursors) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Count is < 1 or > MaxCount)
            {
                return ScimError.InvalidValue($"'count' must be between 1 and {MaxCount}; it is {query.Count}.");
            }

            var rows = db.Organizations.AsNoTracking().InUse();
            if (query.Cursor is { } cursor)
            {
                var opened = cursor.Length is > 0 and <= MaxCursorLength
                    ? cursors.Open(cursor, Guid.Empty, Binding, expires: false, NotThisList)
                    : ScimError.InvalidCursor(NotThisList);
                if (!opened.IsSuccess)
                {
                    return opened.Error;
                }

                var after = Encoding.UTF8.GetString(opened.Value!);
                rows = rows.Where(o => o.NameNormalized.CompareTo(after) > 0);
            }

            var organizations = await rows.OrderBy(o => o.NameNormalized).Take(query.Count + 1).ToListAsync(cancellationToken);
            if (organizations.Count <= query.Count)
            {
                return new Page(organizations, null);
            }

            organizations.RemoveAt(query.Count);
            return new Page(organizations, cursors.Seal(Guid.Empty, Binding, Encoding.UTF8.GetBytes(organizations[^1].NameNormalized)));
        }
    }
}
