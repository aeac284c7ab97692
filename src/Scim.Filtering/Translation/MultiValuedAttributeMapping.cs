using System.Linq.Expressions;
using System.Reflection;

namespace Scim.Filtering.Translation;

/// <summary>
/// A multi-valued attribute (RFC 7643 §2.4) stored as a collection of elements, e.g. <c>emails</c>. Filters on it
/// hold when any element matches, and translate to <see cref="Enumerable.Any{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/>,
/// which EF Core turns into <c>EXISTS (SELECT ...)</c>.
/// </summary>
/// <param name="path">The registered path.</param>
/// <param name="elements">The collection lambda, <c>T =&gt; IEnumerable&lt;TElement&gt;</c>; null when the owner has no navigation to its elements, which are then found through <paramref name="lookup"/> only.</param>
/// <param name="elementType">TElement.</param>
/// <param name="elementMap">The filterable sub-attributes of one element.</param>
/// <param name="defaultSubAttribute">The sub-attribute compared when the filter names the attribute alone (<c>emails co "x"</c>).</param>
/// <param name="lookup">
/// Optional key lambdas (owner key, element key, element condition) for the <c>IN (SELECT ...)</c> form; see
/// <see cref="ElementLookup{T, TElement}"/>.
/// </param>
internal sealed class MultiValuedAttributeMapping(
    string path, LambdaExpression? elements, Type elementType, IFilterAttributeMap elementMap, string defaultSubAttribute,
    (LambdaExpression Key, LambdaExpression ElementKey, LambdaExpression? Condition)? lookup = null)
    : AttributeMapping(path)
{
    private static readonly MethodInfo AnyMethod = GenericAny(1);
    private static readonly MethodInfo AnyWithPredicateMethod = GenericAny(2);
    private static readonly MethodInfo WhereMethod = QueryableMethod(nameof(Queryable.Where), 2);
    private static readonly MethodInfo SelectMethod = QueryableMethod(nameof(Queryable.Select), 2);
    private static readonly MethodInfo ContainsMethod = QueryableMethod(nameof(Queryable.Contains), 2);
    private static readonly MethodInfo ElementsMethod = typeof(IFilterElementSource).GetMethod(nameof(IFilterElementSource.Elements))!;

    /// <summary>The filterable sub-attributes of one element.</summary>
    public IFilterAttributeMap ElementMap { get; } = elementMap;

    /// <summary>The sub-attribute compared by <c>emails op value</c>, usually <c>value</c>.</summary>
    public string DefaultSubAttribute { get; } = defaultSubAttribute;

    /// <summary>True when the collection has at least one element.</summary>
    public Expression AnyElement(Expression instance, IFilterElementSource? source) =>
        source is not null && lookup is not null
            ? OwnerIn(instance, source, null)
            : Expression.Call(AnyMethod.MakeGenericMethod(elementType), Elements(instance));

    /// <summary>True when at least one element satisfies the predicate built by <paramref name="elementPredicate"/>.</summary>
    public Expression AnyElement(Expression instance, IFilterElementSource? source, Func<Expression, Expression> elementPredicate)
    {
        var element = Expression.Parameter(elementType, "element");
        var predicate = Expression.Lambda(elementPredicate(element), element);
        return source is not null && lookup is not null
            ? OwnerIn(instance, source, predicate)
            : Expression.Call(AnyWithPredicateMethod.MakeGenericMethod(elementType), Elements(instance), predicate);
    }

    private Expression Elements(Expression instance) =>
        elements is null
            ? throw new InvalidOperationException($"'{Path}' has no navigation to its elements: filters on it need an {nameof(IFilterElementSource)}.")
            : ParameterRebinder.Rebind(elements, instance);

    // Key IN (SELECT ElementKey FROM source WHERE Condition AND predicate). The source query is read through a
    // holder, like a captured variable, so EF Core inlines it as a subquery of the same context.
    private MethodCallExpression OwnerIn(Expression instance, IFilterElementSource source, LambdaExpression? predicate)
    {
        var (key, elementKey, condition) = lookup!.Value;
        var query = ElementsMethod.MakeGenericMethod(elementType).Invoke(source, null)!;
        Expression elementsQuery = QueryParameter.Create(query, typeof(IQueryable<>).MakeGenericType(elementType));
        foreach (var where in new[] { condition, predicate }.OfType<LambdaExpression>())
        {
            elementsQuery = Expression.Call(WhereMethod.MakeGenericMethod(elementType), elementsQuery, Expression.Quote(where));
        }

        var owners = Expression.Call(SelectMethod.MakeGenericMethod(elementType, typeof(Guid)), elementsQuery, Expression.Quote(elementKey));
        return Expression.Call(ContainsMethod.MakeGenericMethod(typeof(Guid)), owners, ParameterRebinder.Rebind(key, instance));
    }

    private static MethodInfo QueryableMethod(string name, int parameterCount) =>
        typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameterCount
            && (name != nameof(Queryable.Where) && name != nameof(Queryable.Select)
                || m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2));

    private static MethodInfo GenericAny(int parameterCount) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == parameterCount);
}
