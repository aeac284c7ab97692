using System.Threading.Channels;

namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>
/// The organizations whose erasure <see cref="OrganizationErasureService"/> is to run: those <see cref="DeleteOrganization"/>
/// did not finish at once. The database is what counts (organizations marked deleted); this only wakes the service
/// instead of having it poll.
/// </summary>
public sealed class PendingErasures
{
    private readonly Channel<Guid> organizations = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for the erasure of <paramref name="organizationId"/> to go on in the background.</summary>
    internal void Enqueue(Guid organizationId) => organizations.Writer.TryWrite(organizationId);

    /// <summary>The next organization asked for.</summary>
    internal ValueTask<Guid> NextAsync(CancellationToken cancellationToken) => organizations.Reader.ReadAsync(cancellationToken);
}
