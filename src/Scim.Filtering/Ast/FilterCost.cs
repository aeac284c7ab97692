namespace Scim.Filtering.Ast;

/// <summary>
/// What a parsed filter (RFC 7644 §3.4.2.2) costs the database, read from its tree: how many attribute expressions it
/// has, and how many of them no B-tree index serves, so the database reads every resource of the organization to
/// answer them (and again to count <c>totalResults</c>). <c>co</c> and <c>ew</c> (a substring anywhere, or at the
/// end), <c>ne</c>, <c>pr</c> and anything under <c>not</c> are such scans; <c>eq</c>, <c>sw</c> (a range of the
/// index) and the ordering operators are not.
/// </summary>
/// <param name="Clauses">The attribute expressions (comparisons and <c>pr</c>), those inside <c>attr[...]</c> included.</param>
/// <param name="Scans">How many of <see cref="Clauses"/> no index serves.</param>
public readonly record struct FilterCost(int Clauses, int Scans)
{
    /// <summary>The most attribute expressions a filter may have and still be cheap (10).</summary>
    public const int MaxCheapClauses = 10;

    /// <summary>The cost of no filter, or of one every resource meets.</summary>
    public static FilterCost None => default;

    /// <summary>
    /// Whether the filter is expensive: more than <see cref="MaxCheapClauses"/> attribute expressions, or any that no
    /// index serves.
    /// </summary>
    public bool IsExpensive => Clauses > MaxCheapClauses || Scans > 0;

    /// <summary>The cost of <paramref name="filter"/>.</summary>
    public static FilterCost Of(FilterNode filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Of(filter, negated: false);
    }

    private static FilterCost Of(FilterNode node, bool negated) => node switch
    {
        LogicalFilter logical => Of(logical.Left, negated) + Of(logical.Right, negated),
        NotFilter not => Of(not.Inner, negated: true),
        ValuePathFilter valuePath => Of(valuePath.Filter, negated),
        PresentFilter => new(1, 1),
        ComparisonFilter comparison => new(1, negated || comparison.Operator is ComparisonOperator.Co or ComparisonOperator.Ew or ComparisonOperator.Ne ? 1 : 0),
        _ => new(1, 1),
    };

    /// <summary>The cost of two filters joined.</summary>
    public static FilterCost operator +(FilterCost left, FilterCost right) => new(left.Clauses + right.Clauses, left.Scans + right.Scans);

    /// <summary>The cost of two filters joined (<see cref="op_Addition"/>).</summary>
    public static FilterCost Add(FilterCost left, FilterCost right) => left + right;
}
