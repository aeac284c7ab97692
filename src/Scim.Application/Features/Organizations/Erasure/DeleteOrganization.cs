using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>
/// Deletes an organization with every row of it: first, in one small write, marks it deleted and revokes its API keys
/// (refused from the commit on: 401 in this server at once, in other instances once their key cache forgets them), then
/// erases its data (<see cref="EraseOrganization"/>): one batch at once, the rest in the background
/// (<see cref="OrganizationErasureService"/>), which also resumes it after a restart. Asking again while it runs is
/// harmless and reports the progress.
/// </summary>
public static class DeleteOrganization
{
    /// <param name="OrganizationId">The organization to delete.</param>
    public sealed record Command(Guid OrganizationId) : ICommand<Result<Answer>>;

    /// <summary>The outcome.</summary>
    /// <param name="Erasure">How far the erasure has come; null when the organization is already gone whole.</param>
    public sealed record Answer(OrganizationErasureStatus? Erasure);

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer, IMediator mediator, ApiKeyCache cache, PendingErasures queue, TimeProvider clock)
        : ICommandHandler<Command, Result<Answer>>
    {
        public async ValueTask<Result<Answer>> Handle(Command command, CancellationToken cancellationToken)
        {
            var organizationId = command.OrganizationId;
            // Every key of the organization as the mark's write saw them: a key created up to the mark's commit, and
            // perhaps used already, is among them, and after it no key can be added.
            var marked = await writer.WriteAsync(
                organizationId,
                1,
                async (session, _) => (Result<string[]?>)await session.MarkOrganizationDeletedAsync(clock.GetUtcNow().UtcDateTime),
                cancellationToken);
            if (marked.Value is not { } hashes)
            {
                return OrganizationQueries.NotFound(organizationId.ToString());
            }

            foreach (var hash in hashes)
            {
                cache.Forget(hash);
            }

            // A small organization is gone after one batch; a larger one goes on in the background.
            if (await mediator.Send(new EraseOrganization.Command(organizationId, Batches: 1), cancellationToken))
            {
                return new Answer(null);
            }

            queue.Enqueue(organizationId);
            return new Answer(await OrganizationErasureStatus.ReadAsync(db, organizationId, cancellationToken));
        }
    }
}
