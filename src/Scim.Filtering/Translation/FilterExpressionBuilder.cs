using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// Compiles a parsed filter (RFC 7644 §3.4.2.2) into a predicate for <c>IQueryable&lt;T&gt;.Where</c> that EF Core
/// translates entirely to SQL. Comparison values become SQL parameters. Semantics:
/// <list type="bullet">
/// <item><c>and</c>, <c>or</c>, <c>not ( )</c> map to their boolean counterparts.</item>
/// <item><c>attr eq null</c> means "not present" and <c>attr ne null</c> "present"; other operators reject null.</item>
/// <item><c>ne</c> also matches rows where the attribute is absent; every other comparison is false for them.</item>
/// <item>Multi-valued attributes match when any element matches; see <see cref="FilterAttributeMap{T}.MultiValued{TElement}"/>.</item>
/// <item>Per-type operators and value types are listed on the <see cref="FilterAttributeMap{T}"/> registration methods.</item>
/// </list>
/// </summary>
public static class FilterExpressionBuilder
{
    /// <summary>Builds the predicate for <paramref name="filter"/>.</summary>
    /// <param name="filter">The tree from <see cref="Parsing.ScimFilterParser.ParseFilter"/>.</param>
    /// <param name="map">The filterable attributes of <typeparamref name="T"/>.</param>
    /// <returns>A predicate usable in <c>Queryable.Where</c>.</returns>
    /// <exception cref="ScimFilterException">
    /// With <c>invalidFilter</c> and position -1: an attribute that is not in <paramref name="map"/>, an operator not
    /// allowed for the attribute's type, a value of the wrong type, or a malformed date-time.
    /// </exception>
    public static Expression<Func<T, bool>> Build<T>(FilterNode filter, FilterAttributeMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(map);
        var resource = Expression.Parameter(typeof(T), "resource");
        return Expression.Lambda<Func<T, bool>>(Translate(filter, resource, map), resource);
    }

    private static Expression Translate(FilterNode node, Expression instance, IFilterAttributeMap map) => node switch
    {
        LogicalFilter { Operator: LogicalOperator.And } and => Expression.AndAlso(Translate(and.Left, instance, map), Translate(and.Right, instance, map)),
        LogicalFilter or => Expression.OrElse(Translate(or.Left, instance, map), Translate(or.Right, instance, map)),
        NotFilter not => Expression.Not(Translate(not.Inner, instance, map)),
        PresentFilter present => Present(present.Path, instance, map),
        ComparisonFilter comparison => Compare(comparison, instance, map),
        ValuePathFilter valuePath => ValuePath(valuePath, instance, map),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown filter node."),
    };

    private static Expression Present(AttributePath path, Expression instance, IFilterAttributeMap map)
    {
        var (mapping, subAttributeName) = map.Resolve(path);
        return mapping switch
        {
            MultiValuedAttributeMapping multiValued when subAttributeName is null => multiValued.AnyElement(instance),
            MultiValuedAttributeMapping multiValued => multiValued.AnyElement(
                instance, element => Present(SubAttribute(subAttributeName), element, multiValued.ElementMap)),
            ScalarAttributeMapping scalar => scalar.Present(instance),
            _ => throw new InvalidOperationException($"Unsupported mapping {mapping.GetType().Name}."),
        };
    }

    private static Expression Compare(ComparisonFilter comparison, Expression instance, IFilterAttributeMap map)
    {
        if (comparison.Value.Kind == LiteralKind.Null)
        {
            // RFC 7644 §3.4.2.2 treats null and "not present" alike.
            return comparison.Operator switch
            {
                ComparisonOperator.Eq => Expression.Not(Present(comparison.Path, instance, map)),
                ComparisonOperator.Ne => Present(comparison.Path, instance, map),
                _ => throw AttributeMapping.Error(
                    $"The operator '{comparison.Operator.ToString().ToLowerInvariant()}' cannot compare '{comparison.Path}' with null; use eq null, ne null or pr."),
            };
        }

        var (mapping, subAttributeName) = map.Resolve(comparison.Path);
        return mapping switch
        {
            MultiValuedAttributeMapping multiValued => multiValued.AnyElement(
                instance,
                element => Compare(
                    comparison with { Path = SubAttribute(subAttributeName ?? multiValued.DefaultSubAttribute) },
                    element,
                    multiValued.ElementMap)),
            ScalarAttributeMapping scalar => scalar.Compare(instance, comparison.Operator, comparison.Value),
            _ => throw new InvalidOperationException($"Unsupported mapping {mapping.GetType().Name}."),
        };
    }

    private static Expression ValuePath(ValuePathFilter valuePath, Expression instance, IFilterAttributeMap map)
    {
        var (mapping, subAttributeName) = map.Resolve(valuePath.Path);
        if (mapping is not MultiValuedAttributeMapping multiValued || subAttributeName is not null)
        {
            throw AttributeMapping.Error($"The attribute '{valuePath.Path}' is not multi-valued, so it cannot take a '[...]' value filter.");
        }

        // Paths inside the brackets are relative to one element, so the whole bracket filter applies to the same element.
        return multiValued.AnyElement(instance, element => Translate(valuePath.Filter, element, multiValued.ElementMap));
    }

    private static AttributePath SubAttribute(string name) => new(null, name, null);
}
