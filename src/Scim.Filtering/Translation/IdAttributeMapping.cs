using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A resource identifier stored as a <see cref="Guid"/> (<c>id</c>, or a reference such as <c>manager.value</c>).
/// Only <c>eq</c>, <c>ne</c> and <c>pr</c> are allowed. A value that is not an id in the form the server issues
/// (<see cref="ScimId"/>: ids are case-exact, so an upper-case or braced GUID is another string) cannot name any
/// resource of this server, so <c>eq</c> matches nothing and <c>ne</c> everything, rather than failing the request.
/// </summary>
internal sealed class IdAttributeMapping(string path, LambdaExpression column) : ScalarAttributeMapping(path, column)
{
    /// <inheritdoc />
    protected override Expression CompareValue(Expression instance, ComparisonOperator op, Literal value)
    {
        if (op != ComparisonOperator.Eq)
        {
            throw OperatorNotAllowed(op, "id", "eq, ne or pr");
        }

        if (value.Value is not string text)
        {
            throw ValueTypeMismatch(value, "id", "a JSON string");
        }

        if (!ScimId.TryParse(text, out var id))
        {
            return Expression.Constant(false);
        }

        var column = Column(instance);
        return WhenNotNull(column, Expression.Equal(column, QueryParameter.Create(id, column.Type)));
    }
}
