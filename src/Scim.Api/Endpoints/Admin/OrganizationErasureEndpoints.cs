using Mediator;
using Scim.Api.OpenApi;
using Scim.Application.Features.Organizations.Erasure;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// <c>DELETE /admin/organizations/{organizationId}</c> (the organization with every row of it) and
/// <c>GET /admin/organizations/{organizationId}/erasure</c> (how far that has come).
/// </summary>
public static class OrganizationErasureEndpoints
{
    /// <summary>Maps the endpoints below <paramref name="organization"/>, the group of one organization's administration.</summary>
    public static RouteGroupBuilder MapOrganizationErasure(this RouteGroupBuilder organization)
    {
        organization.MapDelete("/", DeleteOrganizationAsync).WithName(nameof(DeleteOrganization)).WithTags("Organizations")
            .Produces<ErasureBody>(StatusCodes.Status202Accepted).WithMetadata(AdminParameters.ErasureLocation).Produces(StatusCodes.Status204NoContent)
            .ProducesScimErrors(401, 403, 404);
        organization.MapGet("/erasure", GetOrganizationErasureAsync).WithName(nameof(GetOrganizationErasure)).WithTags("Organizations")
            .Produces<ErasureBody>().ProducesScimErrors(401, 403, 404);
        return organization;
    }

    /// <summary>Deletes an organization with every row of it: 204 when it is gone, else 202 with how far the erasure has come.</summary>
    /// <remarks>
    /// Its keys are refused from this answer on, and every administration read of it is 404. The erasure goes on in the
    /// background, in batches; the 202's <c>Location</c> (<c>…/erasure</c>) follows it. Deleting it again answers the
    /// progress again.
    /// </remarks>
    private static async Task<IResult> DeleteOrganizationAsync(string organizationId, HttpContext context, IMediator mediator, CancellationToken ct) =>
        AdminResults.From(await mediator.Send(new DeleteOrganization.Command(Guid.Parse(organizationId)), ct), deleted => deleted.Erasure is { } erasure
            ? AdminResults.Accepted($"{context.Request.PathBase}/admin/organizations/{organizationId}/erasure", ErasureBody.Of(erasure))
            : Results.NoContent());

    /// <summary>How far the erasure of a deleted organization has come.</summary>
    /// <remarks>404 once the organization is gone, or when it was never deleted.</remarks>
    private static async Task<IResult> GetOrganizationErasureAsync(string organizationId, IMediator mediator, CancellationToken ct) =>
        AdminResults.From(await mediator.Send(new GetOrganizationErasure.Query(Guid.Parse(organizationId)), ct), erasure => AdminResults.Ok(ErasureBody.Of(erasure)));
}

/// <summary>
/// How far an organization's erasure has come:
/// <c>{"organizationId":"…","status":"erasing","deletionRequested":"2026-12-05T10:00:00Z","remainingUsers":1200,"remainingGroups":14}</c>.
/// </summary>
/// <param name="OrganizationId">The organization being erased.</param>
/// <param name="Status">Always <c>erasing</c> (an erased organization answers 404).</param>
/// <param name="DeletionRequested">When the deletion was asked for (ISO 8601, UTC); its keys were revoked then.</param>
/// <param name="RemainingUsers">Users not yet erased.</param>
/// <param name="RemainingGroups">Groups not yet erased (each with its memberships).</param>
public sealed record ErasureBody(Guid OrganizationId, string Status, DateTime DeletionRequested, long RemainingUsers, long RemainingGroups)
{
    internal static ErasureBody Of(OrganizationErasureStatus status) =>
        new(status.OrganizationId, "erasing", status.DeletionRequestedUtc, status.RemainingUsers, status.RemainingGroups);
}
