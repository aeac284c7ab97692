using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A resource identifier stored as a <see cref="Guid"/> (<c>id</c>, or a reference such as <c>manager.value</c>): a
/// case-exact string (RFC 7643 §3.1) whose canonical form is the one the server issues (<see cref="ScimId"/>: 36
/// lower-case characters with dashes). <c>eq</c> compares the GUID, which an index serves; a value that is not an id in
/// that form (an upper-case or braced GUID is another string) cannot name any resource of this server, so <c>eq</c>
/// matches nothing and <c>ne</c> everything, rather than failing the request. The other string operators compare the
/// canonical text (lower-cased in SQL, as SQLite keeps GUIDs in upper case), exactly.
/// </summary>
internal sealed class IdAttributeMapping(string path, LambdaExpression column) : ScalarAttributeMapping(path, column)
{
    private readonly StringAttributeMapping text = new(path, CanonicalText(column), caseExact: true, normalized: null);

    /// <inheritdoc />
    protected override Expression CompareValue(Expression instance, ComparisonOperator op, Literal value)
    {
        if (value.Value is not string id)
        {
            throw ValueTypeMismatch(value, "id", "a JSON string");
        }

        var column = Column(instance);
        if (op != ComparisonOperator.Eq)
        {
            // EF Core reads a null GUID's ToString() as "", so the guard is on the GUID itself.
            return WhenNotNull(column, text.Compare(instance, op, value));
        }

        if (!ScimId.TryParse(id, out var guid))
        {
            return Expression.Constant(false);
        }

        return WhenNotNull(column, Expression.Equal(column, QueryParameter.Create(guid, column.Type)));
    }

    // id => id.ToString().ToLower(), for Guid and Guid? columns (the null guard of the comparison reads the text).
    private static LambdaExpression CanonicalText(LambdaExpression column)
    {
        var guid = column.Body.Type == typeof(Guid) ? column.Body : Expression.Convert(column.Body, typeof(Guid));
        var canonical = Expression.Call(
            Expression.Call(guid, typeof(Guid).GetMethod(nameof(Guid.ToString), Type.EmptyTypes)!),
            typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        return Expression.Lambda(canonical, column.Parameters);
    }
}
