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
/// <item>Multi-valued attributes match when any element matches, for every operator (so <c>emails ne "x"</c> holds when some element differs); see <see cref="FilterAttributeMap{T}.MultiValued{TElement}"/>. <c>schemas</c> is one too (<see cref="FilterAttributeMap{T}.Schemas"/>).</item>
/// <item>A single-valued complex attribute is present when any sub-attribute is; other operators compare its default sub-attribute, if it has one (<see cref="FilterAttributeMap{T}.Complex"/>).</item>
/// <item>Per-type operators and value types are listed on the <see cref="FilterAttributeMap{T}"/> registration methods.</item>
/// </list>
/// </summary>
public static class FilterExpressionBuilder
{
    /// <summary>Builds the predicate for <paramref name="filter"/>.</summary>
    /// <param name="filter">The tree from <see cref="Parsing.ScimFilterParser.ParseFilter"/>.</param>
    /// <param name="map">The filterable attributes of <typeparamref name="T"/>.</param>
    /// <param name="source">
    /// Query roots for multi-valued attributes registered with an <see cref="ElementLookup{T, TElement}"/>; with it
    /// they compile to <c>IN (SELECT ...)</c>, without it to a correlated <c>EXISTS</c>.
    /// </param>
    /// <param name="unassigned">
    /// When given, an attribute the resource type does not have is unassigned rather than an error, as in a search of the
    /// root across resource types (RFC 7644 §3.4.2.2, §3.4.3): a comparison or presence test of it is false, and its path
    /// is added here, so the caller can refuse one that no resource type has.
    /// </param>
    /// <returns>A predicate usable in <c>Queryable.Where</c>.</returns>
    /// <exception cref="ScimFilterException">
    /// With <c>invalidFilter</c> and position -1: an attribute that is not in <paramref name="map"/> or is registered as
    /// not filterable, an operator not allowed for the attribute's type (or a complex attribute without a default
    /// sub-attribute), a value of the wrong type, or a malformed date-time.
    /// </exception>
    public static Expression<Func<T, bool>> Build<T>(
        FilterNode filter, FilterAttributeMap<T> map, IFilterElementSource? source = null, ICollection<string>? unassigned = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(map);
        var resource = Expression.Parameter(typeof(T), "resource");
        return Expression.Lambda<Func<T, bool>>(Translate(filter, new Scope(resource, map, null, source, unassigned)), resource);
    }

    private static readonly ConstantExpression False = Expression.Constant(false);

    // An attribute of another resource type, in a search across types: unassigned, so nothing matches it.
    private static bool IsUnassigned(AttributePath path, Scope scope)
    {
        if (scope.Unassigned is null || scope.ParentPath is not null || scope.Map.Defines(path))
        {
            return false;
        }

        scope.Unassigned.Add(path.ToString());
        return true;
    }

    // A part known without a row (an attribute every resource has, one of another type in a root search) is folded
    // away, so "userName pr and title eq x" is "title eq x" and a filter that always holds is the constant true, which
    // callers can read as no filter at all.
    private static Expression And(Expression left, Expression right) => (left, right) switch
    {
        (ConstantExpression { Value: true }, _) => right,
        (_, ConstantExpression { Value: true }) => left,
        (ConstantExpression { Value: false }, _) or (_, ConstantExpression { Value: false }) => False,
        _ => Expression.AndAlso(left, right),
    };

    private static Expression Or(Expression left, Expression right) => (left, right) switch
    {
        (ConstantExpression { Value: false }, _) => right,
        (_, ConstantExpression { Value: false }) => left,
        (ConstantExpression { Value: true }, _) or (_, ConstantExpression { Value: true }) => Expression.Constant(true),
        _ => Expression.OrElse(left, right),
    };

    private static Expression Not(Expression inner) =>
        inner is ConstantExpression { Value: bool value } ? Expression.Constant(!value) : Expression.Not(inner);

    private static Expression Translate(FilterNode node, Scope scope) => node switch
    {
        LogicalFilter { Operator: LogicalOperator.And } and => And(Translate(and.Left, scope), Translate(and.Right, scope)),
        LogicalFilter or => Or(Translate(or.Left, scope), Translate(or.Right, scope)),
        NotFilter not => Not(Translate(not.Inner, scope)),
        PresentFilter present => Present(present.Path, scope),
        ComparisonFilter comparison => Compare(comparison, scope),
        ValuePathFilter valuePath => ValuePath(valuePath, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown filter node."),
    };

    private static Expression Present(AttributePath path, Scope scope)
    {
        if (IsUnassigned(path, scope))
        {
            return False;
        }

        var (mapping, subAttributeName) = scope.Map.Resolve(path, scope.ParentPath);
        return mapping switch
        {
            MultiValuedAttributeMapping multiValued when subAttributeName is null => multiValued.AnyElement(scope.Instance, scope.Source),
            MultiValuedAttributeMapping multiValued => multiValued.AnyElement(
                scope.Instance, scope.Source, element => Present(SubAttribute(subAttributeName), Scope.Element(multiValued, element))),
            ScalarAttributeMapping scalar => scalar.Present(scope.Instance),
            ComplexAttributeMapping complex => complex.Present(scope.Instance),
            SchemasAttributeMapping => SchemasAttributeMapping.Present(),
            _ => throw new InvalidOperationException($"Unsupported mapping {mapping.GetType().Name}."),
        };
    }

    private static Expression Compare(ComparisonFilter comparison, Scope scope)
    {
        if (comparison.Value.Kind == LiteralKind.Null)
        {
            // RFC 7644 §3.4.2.2 treats null and "not present" alike.
            return comparison.Operator switch
            {
                ComparisonOperator.Eq => Not(Present(comparison.Path, scope)),
                ComparisonOperator.Ne => Present(comparison.Path, scope),
                _ => throw AttributeMapping.Error(
                    $"The operator '{comparison.Operator.ToString().ToLowerInvariant()}' cannot compare '{comparison.Path}' with null; use eq null, ne null or pr."),
            };
        }

        if (IsUnassigned(comparison.Path, scope))
        {
            return False;
        }

        var (mapping, subAttributeName) = scope.Map.Resolve(comparison.Path, scope.ParentPath);
        return mapping switch
        {
            MultiValuedAttributeMapping multiValued => multiValued.AnyElement(
                scope.Instance,
                scope.Source,
                element => Compare(
                    comparison with { Path = SubAttribute(subAttributeName ?? multiValued.DefaultSubAttribute) },
                    Scope.Element(multiValued, element))),
            ScalarAttributeMapping scalar => scalar.Compare(scope.Instance, comparison.Operator, comparison.Value),
            ComplexAttributeMapping { DefaultSubAttribute: { } sub } => Compare(comparison with { Path = comparison.Path with { SubAttributeName = sub } }, scope),
            ComplexAttributeMapping complex => throw complex.NotComparable(scope.ParentPath is null ? comparison.Path.ToString() : $"{scope.ParentPath}.{comparison.Path}"),
            SchemasAttributeMapping schemas => schemas.Compare(scope.Instance, comparison.Operator, comparison.Value),
            _ => throw new InvalidOperationException($"Unsupported mapping {mapping.GetType().Name}."),
        };
    }

    private static Expression ValuePath(ValuePathFilter valuePath, Scope scope)
    {
        if (IsUnassigned(valuePath.Path, scope))
        {
            return False;
        }

        var (mapping, subAttributeName) = scope.Map.Resolve(valuePath.Path, scope.ParentPath);
        if (mapping is not MultiValuedAttributeMapping multiValued || subAttributeName is not null)
        {
            throw AttributeMapping.Error($"The attribute '{valuePath.Path}' is not multi-valued, so it cannot take a '[...]' value filter.");
        }

        // Paths inside the brackets are relative to one element, so the whole bracket filter applies to the same element.
        return multiValued.AnyElement(scope.Instance, scope.Source, element => Translate(valuePath.Filter, Scope.Element(multiValued, element)));
    }

    private static AttributePath SubAttribute(string name) => new(null, name, null);

    /// <summary>Where paths are resolved: the resource, or one element of a multi-valued attribute.</summary>
    /// <param name="Instance">The resource or element expression.</param>
    /// <param name="Map">The attributes filterable on <paramref name="Instance"/>.</param>
    /// <param name="ParentPath">The multi-valued attribute owning the element, for error messages; null for the resource.</param>
    /// <param name="Source">Query roots for the <c>IN (SELECT ...)</c> form, or null; elements have no nested lookups.</param>
    /// <param name="Unassigned">Where attributes of other resource types are collected, in a search across types; null otherwise.</param>
    private readonly record struct Scope(
        Expression Instance, IFilterAttributeMap Map, string? ParentPath, IFilterElementSource? Source, ICollection<string>? Unassigned = null)
    {
        public static Scope Element(MultiValuedAttributeMapping owner, Expression element) => new(element, owner.ElementMap, owner.Path, null);
    }
}
