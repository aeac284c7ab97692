using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Gives an organization a rate limit of its own, or back the deployment's (<c>Scim:RateLimits</c>), through the write
/// path with its journal row (operation Patch, attribute <c>rateLimit</c>) in the same transaction; this server instance
/// applies it from the next request (<see cref="OrganizationRateLimits"/>). 404 for an organization unknown or being
/// deleted; 400 <c>invalidValue</c> for a rate outside 1 to <see cref="MaxRequestsPerSecond"/>, a burst below the rate or
/// above <see cref="MaxBurst"/>, or a burst without a rate. The limit it has already changes nothing.
/// </summary>
public static class SetOrganizationRateLimit
{
    /// <summary>The highest sustained rate an organization may be given (requests per second).</summary>
    public const int MaxRequestsPerSecond = 100_000;

    /// <summary>The largest burst an organization may be given (requests).</summary>
    public const int MaxBurst = 1_000_000;

    /// <param name="Organization">The organization's id.</param>
    /// <param name="RequestsPerSecond">The sustained rate; null (with <paramref name="Burst"/> null) for the deployment's limit.</param>
    /// <param name="Burst">How many requests may come at once; null: twice the rate.</param>
    public sealed record Command(Guid Organization, int? RequestsPerSecond, int? Burst) : ICommand<Result<Organization>>;

    /// <summary>The 400 <c>invalidValue</c> a rate limit of <paramref name="requestsPerSecond"/> and <paramref name="burst"/> gets, or null when it is valid.</summary>
    public static ScimError? Check(int? requestsPerSecond, int? burst) => (requestsPerSecond, burst) switch
    {
        (null, not null) => ScimError.InvalidValue("'rateLimit.burst' needs 'rateLimit.requestsPerSecond' beside it."),
        (var rate, _) when rate is < 1 or > MaxRequestsPerSecond => ScimError.InvalidValue(
            $"'rateLimit.requestsPerSecond' must be a whole number from 1 to {MaxRequestsPerSecond:N0}."),
        ({ } rate, { } size) when size < rate || size > MaxBurst => ScimError.InvalidValue(
            $"'rateLimit.burst' must be a whole number from 'requestsPerSecond' ({rate:N0}) to {MaxBurst:N0}."),
        _ => null,
    };

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer, JournalRecorder journal, OrganizationRateLimits limits)
        : ICommandHandler<Command, Result<Organization>>
    {
        public async ValueTask<Result<Organization>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (Check(command.RequestsPerSecond, command.Burst) is { } invalid)
            {
                return invalid;
            }

            var organization = await db.Organizations.AsNoTracking().InUse().FirstOrDefaultAsync(o => o.Id == command.Organization, cancellationToken);
            if (organization is null)
            {
                return OrganizationQueries.NotFound(command.Organization.ToString());
            }

            int? burst = command.RequestsPerSecond is { } rate ? command.Burst ?? (int)Math.Min(2L * rate, MaxBurst) : null;
            if (organization.RateLimitPerSecond == command.RequestsPerSecond && organization.RateLimitBurst == burst)
            {
                return organization;
            }

            organization.RateLimitPerSecond = command.RequestsPerSecond;
            organization.RateLimitBurst = burst;
            var change = journal.Administration(
                organization.Id, nameof(SetOrganizationRateLimit), JournalOperation.Patch, JournalResourceType.Organization, organization.Id, "rateLimit",
                burst is null ? "default" : $"{organization.RateLimitPerSecond}/s, burst {burst}");
            var written = await writer.WriteAsync(organization, change, (session, o) => session.SetOrganizationRateLimitAsync(o), cancellationToken);
            if (written.IsSuccess)
            {
                limits.Changed(written.Value!);
            }

            return written;
        }

    }
}
