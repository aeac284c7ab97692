using System.Linq.Expressions;

namespace Scim.Filtering.Translation;

/// <summary>
/// How to find the owners of matching elements without visiting every owner: with an
/// <see cref="IFilterElementSource"/>, <c>emails.value eq "x"</c> compiles to
/// <c>Key IN (SELECT ElementKey FROM elements WHERE Condition AND value = @x)</c> instead of a correlated
/// <c>EXISTS</c> per owner row (on SQLite the first uses the element index; the second scans every owner).
/// </summary>
/// <typeparam name="T">The owner (resource) type.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
/// <param name="Key">The owner's key, e.g. <c>u =&gt; u.Id</c>.</param>
/// <param name="ElementKey">The element's reference to its owner, e.g. <c>v =&gt; v.UserId</c>.</param>
/// <param name="Condition">Which rows of the element table belong to this attribute (e.g. <c>v =&gt; v.Attribute == "emails"</c>), or null for all.</param>
public sealed record ElementLookup<T, TElement>(
    Expression<Func<T, Guid>> Key, Expression<Func<TElement, Guid>> ElementKey, Expression<Func<TElement, bool>>? Condition = null);
