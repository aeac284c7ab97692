namespace Scim.Infrastructure;

/// <summary>The configured database provider's own start-up and maintenance work.</summary>
public interface IScimDatabase
{
    /// <summary>The provider's configuration name: <c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>
    /// Applies the pending schema migrations and whatever the provider needs before it serves (SQLite: write-ahead
    /// logging; PostgreSQL: taken under an advisory lock, so several instances starting at once migrate one at a time).
    /// </summary>
    /// <returns>
    /// The ids of the migrations this call applied, oldest first; empty when the schema was already current (on
    /// PostgreSQL also when another instance applied them while this one waited for the lock).
    /// </returns>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);
}
