using Ardalis.Specification;

namespace Scim.Application.Common.Persistence;

/// <summary>Applies an Ardalis specification's criteria, order and paging to an EF Core query (translated to SQL).</summary>
public static class SpecificationExtensions
{
    /// <summary>The query narrowed by <paramref name="specification"/>: where, order by, skip and take.</summary>
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        query = WhereEvaluator.Instance.GetQuery(query, specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        return PaginationEvaluator.Instance.GetQuery(query, specification);
    }

    /// <summary>The query narrowed by the specification's criteria only, as needed for <c>totalResults</c>.</summary>
    public static IQueryable<T> WhereSpecification<T>(this IQueryable<T> query, ISpecification<T> specification)
        where T : class => WhereEvaluator.Instance.GetQuery(query, specification);
}
