using System.Linq.Expressions;
using Scim.Application.Common.Persistence;
using Scim.Filtering;
using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;
using Scim.Filtering.Translation;
using Scim.Protocol;

namespace Scim.Application.Common;

/// <summary>Parses a SCIM filter and compiles it against a resource's allow-list into a SQL-translatable predicate.</summary>
internal static class FilterCompiler
{
    /// <summary>
    /// The predicate (null for no filter or one every resource meets) and its cost (<see cref="FilterCost"/>, none for a
    /// null predicate), or 400 invalidFilter naming the position or attribute at fault.
    /// </summary>
    /// <param name="filter">The filter text as sent.</param>
    /// <param name="map">The resource's filterable attributes.</param>
    /// <param name="db">The request's database, whose sets back multi-valued subqueries.</param>
    /// <param name="unassigned">When given, attributes the resource type does not have match nothing and are collected here (a search of the root).</param>
    public static Result<CompiledFilter<T>> Compile<T>(string? filter, FilterAttributeMap<T> map, IScimDbContext db, ICollection<string>? unassigned = null)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new CompiledFilter<T>(null, FilterCost.None);
        }

        try
        {
            var parsed = ScimFilterParser.ParseFilter(filter);
            var predicate = FilterExpressionBuilder.Build(parsed, map, new DbElementSource(db), unassigned);

            // A filter every resource meets (userName pr) is no filter: its lists count and page as cheaply as unfiltered ones.
            return predicate.Body is ConstantExpression { Value: true }
                ? new CompiledFilter<T>(null, FilterCost.None)
                : new CompiledFilter<T>(predicate, FilterCost.Of(parsed));
        }
        catch (ScimFilterException ex)
        {
            return new ScimError(400, ex.ScimType, ex.Message);
        }
    }
}

/// <summary>A compiled filter.</summary>
/// <param name="Predicate">The SQL-translatable predicate, or null for every resource.</param>
/// <param name="Cost">What the filter costs the database (<see cref="FilterCost.IsExpensive"/>).</param>
internal sealed record CompiledFilter<T>(Expression<Func<T, bool>>? Predicate, FilterCost Cost);
