using Scim.Filtering.Translation;

namespace Scim.Application.Common.Persistence;

/// <summary>Gives the filter compiler the request's own sets (organization-filtered) for <c>IN (SELECT ...)</c> subqueries.</summary>
internal sealed class DbElementSource(IScimDbContext db) : IFilterElementSource
{
    public IQueryable<TElement> Elements<TElement>()
        where TElement : class => db.Set<TElement>();
}
