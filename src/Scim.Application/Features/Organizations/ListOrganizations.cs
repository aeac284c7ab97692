using System.Buffers.Text;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Lists organizations (administration only; no API key sees this) by lower-case name, a page at a time. A page is one
/// range read of the unique name index: the rows after the cursor's name, <see cref="Query.Count"/> of them (and one more,
/// to know whether a next page exists), however deep the page. The cursor is where the previous page ended, so an
/// organization created or renamed meanwhile is listed where its name now sorts, and none is listed twice or skipped
/// unless renamed across the cursor.
/// </summary>
public static class ListOrganizations
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultCount = 100;

    /// <summary>The largest page size.</summary>
    public const int MaxCount = 1000;

    // Longer than the cursor of any name (base64url of its UTF-8 bytes), shorter than what is worth decoding.
    private const int MaxCursorLength = 4096;

    /// <param name="Count">How many organizations a page holds, 1 to <see cref="MaxCount"/>.</param>
    /// <param name="Cursor">The previous page's <see cref="Page.NextCursor"/>, or null for the first page.</param>
    public sealed record Query(int Count = DefaultCount, string? Cursor = null) : IQuery<Result<Page>>;

    /// <summary>One page of organizations.</summary>
    /// <param name="Organizations">The page's organizations, by lower-case name.</param>
    /// <param name="NextCursor">The cursor of the next page; null on the last page.</param>
    public sealed record Page(IReadOnlyList<Organization> Organizations, string? NextCursor);

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Count is < 1 or > MaxCount)
            {
                return ScimError.InvalidValue($"'count' must be between 1 and {MaxCount}; it is {query.Count}.");
            }

            var rows = db.Organizations.AsNoTracking();
            if (query.Cursor is { } cursor)
            {
                if (Decode(cursor) is not { } after)
                {
                    return ScimError.InvalidCursor("'cursor' is not a cursor this list gave out; send the 'nextCursor' of the previous page as it is, or none for the first page.");
                }

                rows = rows.Where(o => o.NameNormalized.CompareTo(after) > 0);
            }

            var organizations = await rows.OrderBy(o => o.NameNormalized).Take(query.Count + 1).ToListAsync(cancellationToken);
            if (organizations.Count <= query.Count)
            {
                return new Page(organizations, null);
            }

            organizations.RemoveAt(query.Count);
            return new Page(organizations, Encode(organizations[^1].NameNormalized));
        }

        // The cursor is the last name of the page, base64url: opaque to a client, nothing a client could not list anyway.
        private static string Encode(string name) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name));

        private static string? Decode(string cursor)
        {
            try
            {
                return cursor.Length is > 0 and <= MaxCursorLength ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
