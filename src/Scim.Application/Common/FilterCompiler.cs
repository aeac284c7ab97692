using System.Linq.Expressions;
using Scim.Filtering;
using Scim.Filtering.Parsing;
using Scim.Filtering.Translation;

namespace Scim.Application.Common;

/// <summary>Parses a SCIM filter and compiles it against a resource's allow-list into a SQL-translatable predicate.</summary>
internal static class FilterCompiler
{
    /// <summary>The predicate, null for no filter, or 400 invalidFilter naming the position or attribute at fault.</summary>
    public static Result<Expression<Func<T, bool>>?> Compile<T>(string? filter, FilterAttributeMap<T> map)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (Expression<Func<T, bool>>?)null;
        }

        try
        {
            return FilterExpressionBuilder.Build(ScimFilterParser.ParseFilter(filter), map);
        }
        catch (ScimFilterException ex)
        {
            return new ScimError(400, ex.ScimType, ex.Message);
        }
    }
}
