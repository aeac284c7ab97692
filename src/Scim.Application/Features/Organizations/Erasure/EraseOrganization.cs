using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>
/// Erases an organization marked deleted (<see cref="DeleteOrganization"/>), batch after batch, to its end: its journal
/// rows, then each group with its membership rows, then its users with their value and address rows, then the
/// organization row with its API keys and kept counts. Each batch is one write of at most
/// <see cref="ErasureOptions.BatchSize"/> rows through <see cref="IResourceWriter"/> (on SQLite a short transaction of the
/// one writer, taking its turn with the other organizations' writes), a user counting as <see cref="UserWeight"/> rows,
/// so an erasure of millions of rows never holds up another organization for longer than one short batch. An erasure
/// interrupted (a restart) goes on from what is left.
/// </summary>
public static class EraseOrganization
{
    /// <summary>
    /// What one user counts for in a batch's budget: with the user go its value and address rows and entries of every
    /// index of the three tables; deleting 1,000 seeded users took 1.1 s where 1,000 memberships took 75 ms, so a
    /// batch of users counted one row each held every other organization's writes for a second.
    /// </summary>
    public const int UserWeight = 16;

    /// <param name="OrganizationId">The organization marked deleted.</param>
    /// <param name="Batches">The most batches to run (null: to the end).</param>
    public sealed record Command(Guid OrganizationId, int? Batches = null) : ICommand<bool>;

    internal sealed class Handler(IResourceWriter writer, ErasureOptions options, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        /// <returns>True when the organization is gone.</returns>
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            for (var batch = 1; ; batch++)
            {
                var erased = await writer.WriteAsync(
                    command.OrganizationId, options.BatchSize, (session, _) => EraseBatchAsync(session, options.BatchSize, clock.GetUtcNow().UtcDateTime), cancellationToken);
                if (erased.Value || batch == command.Batches)
                {
                    return erased.Value;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(options.PauseMilliseconds), cancellationToken);
            }
        }

        // Deletes at most `limit` rows, the organization row last once nothing else is left; true when it is gone.
        private static async ValueTask<Result<bool>> EraseBatchAsync(IWriteSession session, int limit, DateTime now)
        {
            var budget = limit - await session.DeleteJournalAsync(long.MaxValue, limit);
            // Group by group, each deleted once its memberships are: the next batch starts at a group that still has some.
            while (budget > 0 && await session.FirstGroupAsync() is { } group)
            {
                budget -= await session.DeleteSomeMembersAsync(group, budget);
                if (budget > 0)
                {
                    await session.DeleteGroupAsync(group, now, null);
                    budget--;
                }
            }

            if (budget <= 0)
            {
                return false;
            }

            // At least one, so that a batch size below the weight still makes progress; as many as asked means some may be left.
            var users = Math.Max(1, budget / UserWeight);
            if (await session.DeleteSomeUsersAsync(users) == users)
            {
                return false;
            }

            await session.DeleteOrganizationAsync();
            return true;
        }
    }
}
