using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;
using Scim.Domain.Users;

namespace Scim.Application.Features.Users;

/// <summary>
/// What a read takes from the database for one user: the stored document (<see cref="User.Document"/>) and the columns
/// the representation adds to it at read time (RFC 7643 §3.1 <c>id</c> and <c>meta</c>, §4.3 <c>manager</c>).
/// </summary>
/// <param name="Id">The SCIM id.</param>
/// <param name="Document">The user's own attributes as UTF-8 SCIM JSON.</param>
/// <param name="ManagerId">The enterprise <c>manager.value</c>, or null.</param>
/// <param name="ManagerDisplayName">The manager's displayName as it is now, or null (no manager, or one without a displayName).</param>
/// <param name="CreatedUtc"><c>meta.created</c>, UTC.</param>
/// <param name="LastModifiedUtc"><c>meta.lastModified</c>, UTC.</param>
/// <param name="Version">The version the row was read at, which a conditional write compares.</param>
internal sealed record UserRow(
    Guid Id, byte[] Document, Guid? ManagerId, string? ManagerDisplayName, DateTime CreatedUtc, DateTime LastModifiedUtc, long Version)
{
    // The manager's displayName is a scalar subquery on the organization's users: a join would make EF Core wrap a page
    // in a derived table, which SQLite takes longer to prepare and run.
    private static readonly Expression<Func<IQueryable<User>, User, UserRow>> Template = (users, u) => new UserRow(
        u.Id,
        u.Document,
        u.ManagerId,
        users.Where(m => m.Id == u.ManagerId).Select(m => m.DisplayName).FirstOrDefault(),
        u.CreatedUtc,
        u.LastModifiedUtc,
        u.Version);

    private static readonly MethodInfo OfMethod = typeof(UserRow).GetMethod(nameof(Of))!;

    /// <summary>
    /// The one projection of a user to its row, with the manager looked up in <paramref name="users"/>: the users' set of
    /// the context that runs the query (EF Core applies the organization's query filter to it as to any set).
    /// </summary>
    /// <param name="users">The expression of the running context's users, <c>((IQueryable&lt;User&gt;)db.Users).Expression</c>.</param>
    public static Expression<Func<User, UserRow>> Projection(Expression users) => Expression.Lambda<Func<User, UserRow>>(
        ReplacingExpressionVisitor.Replace(Template.Parameters[0], users, Template.Body), Template.Parameters[1]);

    /// <summary>
    /// Stands for the row of <paramref name="user"/> inside a compiled query given to <see cref="Inline{TDelegate}"/>,
    /// with <paramref name="users"/> the compiled query's own set (its context is a parameter); never called.
    /// </summary>
    /// <exception cref="InvalidOperationException">Always: it only marks where the projection goes.</exception>
    public static UserRow Of(IQueryable<User> users, User user) =>
        throw new InvalidOperationException("UserRow.Of marks the row projection inside a query passed to UserRow.Inline.");

    /// <summary>The compiled query <paramref name="query"/> with each <see cref="Of"/> replaced by the projection itself.</summary>
    public static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Inliner().Visit(query);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) => node.Method == OfMethod
            ? new ReplacingExpressionVisitor(Template.Parameters, [Visit(node.Arguments[0]), Visit(node.Arguments[1])]).Visit(Template.Body)
            : base.VisitMethodCall(node);
    }
}
