using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Infrastructure.Data;

namespace Scim.Seeder.Database;

/// <summary>
/// The server's database as <see cref="DbSeeder"/> loads it: what differs between SQLite and PostgreSQL (settings for a
/// bulk load, how rows get in, which indexes go and come back). The seeder decides what to write; a target writes it.
/// </summary>
internal interface ISeedTarget : IAsyncDisposable
{
    /// <summary>Where the rows go, for the first line of output and error messages (a file, or a database on a host).</summary>
    string Location { get; }

    /// <summary>
    /// A context of the server's model on the target's connection (and, once <see cref="BeginAsync"/> ran, in its
    /// transaction): the schema check, the organization and what is there already are read through it.
    /// </summary>
    Task<ScimDbContext> CreateContextAsync(CancellationToken cancellationToken);

    /// <summary>Starts the load: settings for bulk writes and, where the database has them, a transaction and locks.</summary>
    /// <param name="large">Whether the load is large enough to trade the server's concurrent access for speed.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task BeginAsync(bool large, CancellationToken cancellationToken);

    /// <summary>Rows of <paramref name="table"/> across organizations (an estimate will do): whether rebuilding its indexes pays.</summary>
    Task<long> CountRowsAsync(string table, CancellationToken cancellationToken);

    /// <summary>
    /// Drops what slows a bulk load of <paramref name="tables"/> down and is faster rebuilt from all rows at the end:
    /// non-unique indexes (on PostgreSQL also the foreign keys, inside the load's transaction).
    /// </summary>
    Task DropIndexesAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    /// <summary>Writes new users with their value and address rows; returns the rows written.</summary>
    /// <param name="users">The users to write, in chunks, none of them there already.</param>
    /// <param name="written">Called with each number of users written since the last call.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<(long Users, long Values, long Addresses)> WriteUsersAsync(IAsyncEnumerable<User[]> users, Action<int> written, CancellationToken cancellationToken);

    /// <summary>Writes new groups; returns the rows written.</summary>
    Task<long> WriteGroupsAsync(IReadOnlyList<Group> groups, CancellationToken cancellationToken);

    /// <summary>Writes new memberships, a group's rows at a time in primary-key order; returns the rows written.</summary>
    /// <param name="members">The rows to write, one group each, groups and members in id order.</param>
    /// <param name="written">Called with each number of rows written since the last call.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<long> WriteMembershipsAsync(IAsyncEnumerable<GroupMember[]> members, Action<int> written, CancellationToken cancellationToken);

    /// <summary>
    /// The steps that end the load, each a phase of its own, in the order this database needs them: rebuilding what
    /// <see cref="DropIndexesAsync"/> dropped, committing, refreshing the planner's statistics (only when
    /// <paramref name="wroteAnything"/>: otherwise they are as they were).
    /// </summary>
    IReadOnlyList<FinishStep> Finish(bool wroteAnything);
}

/// <summary>One step that ends a load (<see cref="ISeedTarget.Finish"/>).</summary>
/// <param name="Phase">Its name in the progress display and the summary: <c>indexes</c>, <c>ANALYZE</c>, <c>commit</c>.</param>
/// <param name="RunAsync">Runs it, reporting what it has done as (done, total).</param>
internal sealed record FinishStep(string Phase, Func<Action<int, int>, CancellationToken, Task> RunAsync);
