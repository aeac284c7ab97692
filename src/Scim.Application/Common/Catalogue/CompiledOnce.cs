using System.Linq.Expressions;

namespace Scim.Application.Common.Catalogue;

/// <summary>Compiling the catalogue's expressions into delegates that allocate nothing of their own when called.</summary>
internal static class CompiledOnce
{
    /// <summary>
    /// <paramref name="expression"/> compiled, with each lambda nested in its body that uses no parameter of the lambdas
    /// around it (<c>v =&gt; v.Attribute == attribute</c> in <c>u =&gt; u.Values.Where(v =&gt; v.Attribute == attribute)</c>)
    /// compiled once beforehand: <see cref="LambdaExpression.Compile()"/> would make a new delegate of such a lambda on
    /// every call of the outer one, which costs more than the rest of the call.
    /// </summary>
    /// <typeparam name="TDelegate">The delegate type.</typeparam>
    /// <param name="expression">The expression to compile.</param>
    public static TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate =>
        ((Expression<TDelegate>)new NestedLambdas().Visit(expression)).Compile();

    private sealed class NestedLambdas : ExpressionVisitor
    {
        // The parameters of the lambdas around the node visited.
        private readonly List<ParameterExpression> enclosing = [];
        private int depth;

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            if (depth > 0 && !Uses(node, enclosing))
            {
                return Expression.Constant(node.Compile(), node.Type);
            }

            depth++;
            enclosing.AddRange(node.Parameters);
            try
            {
                return base.VisitLambda(node);
            }
            finally
            {
                enclosing.RemoveRange(enclosing.Count - node.Parameters.Count, node.Parameters.Count);
                depth--;
            }
        }

        // A quoted lambda is data (an expression tree argument), not code: left as it is.
        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

        private static bool Uses(Expression node, List<ParameterExpression> parameters)
        {
            var finder = new ParameterFinder(parameters);
            finder.Visit(node);
            return finder.Found;
        }
    }

    private sealed class ParameterFinder(List<ParameterExpression> parameters) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= parameters.Contains(node);
            return node;
        }
    }
}
