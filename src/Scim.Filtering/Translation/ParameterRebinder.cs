using System.Linq.Expressions;

namespace Scim.Filtering.Translation;

/// <summary>
/// Inlines a registered column lambda (<c>u =&gt; u.UserName</c>) into the filter being built, by replacing its
/// parameter with the expression for the current resource or element, so EF Core sees one expression tree.
/// </summary>
internal sealed class ParameterRebinder(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    /// <summary>The body of <paramref name="lambda"/> with its single parameter replaced by <paramref name="instance"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, Expression instance) =>
        new ParameterRebinder(lambda.Parameters[0], instance).Visit(lambda.Body);

    /// <inheritdoc />
    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
}
