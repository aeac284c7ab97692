using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain;

namespace Scim.Application.Common.Resources;

/// <summary>
/// Where every <see cref="PaginationOptions.MarkStride"/>-th resource of an organization stands in the creation order (<c>meta.created</c>,
/// then <c>id</c>), kept in memory per organization and resource type, so that a <c>startIndex</c> page deep in an
/// unfiltered list (RFC 7644 §3.4.2.4; how Okta imports) seeks to the nearest mark and skips fewer than
/// a stride of resources, instead of walking every resource before it. A resource's place in this order
/// moves only when a resource is created or deleted (<c>meta.created</c> and <c>id</c> never change), so marks hold as
/// long as the organization's tally of creates and deletes (kept by the database, <see cref="Domain.Organizations.OrganizationCount"/>)
/// is the one they were taken at; after any create or delete they are taken again, as far as a request needs them, at
/// the cost of the walk they save.
/// </summary>
public sealed class CreationOrderMarks(PaginationOptions options)
{
    private readonly int stride = options.MarkStride;
    private readonly ConcurrentDictionary<(Guid Organization, string Type), Marks> marks = new();

    /// <summary>
    /// Where a page <paramref name="skip"/> resources into the unfiltered creation order of <paramref name="resources"/>
    /// starts: after a mark, with the fewer than a stride of resources still to skip.
    /// </summary>
    /// <param name="resources">The organization's resources of one type.</param>
    /// <param name="sort">The creation order.</param>
    /// <param name="type">The resource type's name.</param>
    /// <param name="tally">The organization and its current tally of creates and deletes of this type.</param>
    /// <param name="skip">How many resources precede the page.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The mark to start after (null: from the start) and the resources to skip after it.</returns>
    internal async Task<(CursorPosition? After, int Skip)> StartAsync<T>(
        IQueryable<T> resources, SortKey<T> sort, string type, ResourceTally tally, int skip, CancellationToken cancellationToken)
        where T : class, IScimResource
    {
        var needed = skip / stride;
        if (needed == 0)
        {
            return (null, skip);
        }

        var key = (tally.OrganizationId, type);
        var known = marks.TryGetValue(key, out var current) && current.Changes == tally.Changes ? current.Positions : [];
        if (known.Count < needed)
        {
            var taken = new List<CursorPosition>(known);
            while (taken.Count < needed)
            {
                // The stride-th resource after the last mark: an index walk of a stride of entries, reading one row.
                var after = taken.Count == 0 ? null : taken[^1];
                var spec = new ResourcesPageSpec<T>(null, sort, SortSegment.All, descending: false, after, skip: stride - 1, take: 1);
                var next = await sort.ReadAsync(resources.WithSpecification(spec).AsNoTracking(), r => r.Id, cancellationToken);
                if (next.Count == 0)
                {
                    break;
                }

                taken.Add(next[0].Position);
            }

            known = taken;
            marks[key] = new Marks(tally.Changes, taken);
        }

        var mark = Math.Min(needed, known.Count);
        return mark == 0 ? (null, skip) : (known[mark - 1], skip - (mark * stride));
    }

    private sealed record Marks(long Changes, IReadOnlyList<CursorPosition> Positions);
}

/// <summary>An organization's count of one resource type and its tally of creates and deletes, as the database keeps them.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Total">How many resources of the type it has.</param>
/// <param name="Changes">Creates plus deletes of the type so far (only ever grows).</param>
internal sealed record ResourceTally(Guid OrganizationId, long Total, long Changes);
