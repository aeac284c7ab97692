using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>A boolean attribute (RFC 7643 §2.3.2): only <c>eq</c>, <c>ne</c> and <c>pr</c> make sense.</summary>
internal sealed class BooleanAttributeMapping(string path, LambdaExpression column) : ScalarAttributeMapping(path, column)
{
    /// <inheritdoc />
    protected override Expression CompareValue(Expression instance, ComparisonOperator op, Literal value)
    {
        if (op != ComparisonOperator.Eq)
        {
            throw OperatorNotAllowed(op, "boolean", "eq, ne or pr");
        }

        if (value.Value is not bool flag)
        {
            throw ValueTypeMismatch(value, "boolean", "true or false");
        }

        var column = Column(instance);
        return WhenNotNull(column, Expression.Equal(column, QueryParameter.Create(flag, column.Type)));
    }
}
