using System.Linq.Expressions;
using System.Reflection;

namespace Scim.Filtering.Translation;

/// <summary>
/// A multi-valued attribute (RFC 7643 §2.4) stored as a collection of elements, e.g. <c>emails</c>. Filters on it
/// hold when any element matches, and translate to <see cref="Enumerable.Any{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/>,
/// which EF Core turns into <c>EXISTS (SELECT ...)</c>.
/// </summary>
/// <param name="path">The registered path.</param>
/// <param name="elements">The collection lambda, <c>T =&gt; IEnumerable&lt;TElement&gt;</c>.</param>
/// <param name="elementType">TElement.</param>
/// <param name="elementMap">The filterable sub-attributes of one element.</param>
/// <param name="defaultSubAttribute">The sub-attribute compared when the filter names the attribute alone (<c>emails co "x"</c>).</param>
internal sealed class MultiValuedAttributeMapping(
    string path, LambdaExpression elements, Type elementType, IFilterAttributeMap elementMap, string defaultSubAttribute)
    : AttributeMapping(path)
{
    private static readonly MethodInfo AnyMethod = GenericAny(1);
    private static readonly MethodInfo AnyWithPredicateMethod = GenericAny(2);

    /// <summary>The filterable sub-attributes of one element.</summary>
    public IFilterAttributeMap ElementMap { get; } = elementMap;

    /// <summary>The sub-attribute compared by <c>emails op value</c>, usually <c>value</c>.</summary>
    public string DefaultSubAttribute { get; } = defaultSubAttribute;

    /// <summary>True when the collection has at least one element.</summary>
    public Expression AnyElement(Expression instance) =>
        Expression.Call(AnyMethod.MakeGenericMethod(elementType), ParameterRebinder.Rebind(elements, instance));

    /// <summary>True when at least one element satisfies the predicate built by <paramref name="elementPredicate"/>.</summary>
    public Expression AnyElement(Expression instance, Func<Expression, Expression> elementPredicate)
    {
        var element = Expression.Parameter(elementType, "element");
        var predicate = Expression.Lambda(elementPredicate(element), element);
        return Expression.Call(AnyWithPredicateMethod.MakeGenericMethod(elementType), ParameterRebinder.Rebind(elements, instance), predicate);
    }

    private static MethodInfo GenericAny(int parameterCount) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == parameterCount);
}
