namespace Scim.Filtering.Translation;

/// <summary>
/// Supplies the query roots of element tables (e.g. the database context's <c>Set&lt;TElement&gt;()</c>) so that
/// filters on multi-valued attributes registered with an <see cref="ElementLookup{T, TElement}"/> compile to
/// <c>id IN (SELECT owner FROM elements WHERE ...)</c>, which an index on the element table answers directly.
/// </summary>
public interface IFilterElementSource
{
    /// <summary>The query over all elements of type <typeparamref name="TElement"/> visible to the caller.</summary>
    IQueryable<TElement> Elements<TElement>()
        where TElement : class;
}
