using System.Linq.Expressions;
using Scim.Application.Common.Persistence;
using Scim.Filtering;
using Scim.Filtering.Parsing;
using Scim.Filtering.Translation;
using Scim.Protocol;

namespace Scim.Application.Common;

/// <summary>Parses a SCIM filter and compiles it against a resource's allow-list into a SQL-translatable predicate.</summary>
internal static class FilterCompiler
{
    /// <summary>The predicate, null for no filter or one every resource meets, or 400 invalidFilter naming the position or attribute at fault.</summary>
    /// <param name="filter">The filter text as sent.</param>
    /// <param name="map">The resource's filterable attributes.</param>
    /// <param name="db">The request's database, whose sets back multi-valued subqueries.</param>
    /// <param name="unassigned">When given, attributes the resource type does not have match nothing and are collected here (a search of the root).</param>
    public static Result<Expression<Func<T, bool>>?> Compile<T>(string? filter, FilterAttributeMap<T> map, IScimDbContext db, ICollection<string>? unassigned = null)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (Expression<Func<T, bool>>?)null;
        }

        try
        {
            var predicate = FilterExpressionBuilder.Build(ScimFilterParser.ParseFilter(filter), map, new DbElementSource(db), unassigned);

            // A filter every resource meets (userName pr) is no filter: its lists count and page as cheaply as unfiltered ones.
            return predicate.Body is ConstantExpression { Value: true } ? null : predicate;
        }
        catch (ScimFilterException ex)
        {
            return new ScimError(400, ex.ScimType, ex.Message);
        }
    }
}
