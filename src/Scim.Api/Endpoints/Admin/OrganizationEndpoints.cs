using System.Globalization;
using Mediator;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>The organization endpoints of the administration API: each reads the request, sends one slice message and maps its result.</summary>
public static class OrganizationEndpoints
{
    /// <summary>
    /// <c>POST /admin/organizations</c> (create) and <c>GET /admin/organizations</c> (list, by cursor), for the operator only.
    /// </summary>
    public static void MapOrganizations(this RouteGroupBuilder organizations)
    {
        organizations.MapPost("/", CreateOrganizationAsync).WithName("CreateOrganization").WithTags("Organizations")
            .Accepts<OrganizationRequest>("application/json")
            .Produces<AdminOrganization>(StatusCodes.Status201Created).WithMetadata(AdminParameters.CreatedLocation).ProducesScimErrors(400, 401, 403, 409)
            .RequireAuthorization(AdminPolicies.Operator);
        organizations.MapGet("/", ListOrganizationsAsync).WithName("ListOrganizations").WithTags("Organizations")
            .Produces<AdminOrganizationPage>().WithMetadata(AdminParameters.Organizations).ProducesScimErrors(400, 401, 403)
            .RequireAuthorization(AdminPolicies.Operator);
    }

    /// <summary>
    /// <c>GET</c> (the operator or the organization's <c>admin</c> key), <c>PUT</c> and <c>PATCH</c> (both rename and set the
    /// rate limit; the operator only) of <c>/admin/organizations/{organizationId}</c>.
    /// </summary>
    public static void MapOrganization(this RouteGroupBuilder organization)
    {
        organization.MapGet("/", GetOrganizationAsync).WithName("GetOrganization").WithTags("Organizations")
            .Produces<AdminOrganization>().ProducesScimErrors(401, 403, 404);
        // Renaming is the operator's: the back office owns organizations' names, and an organization's own key could
        // otherwise probe which names other organizations have (409).
        organization.MapPut("/", ChangeOrganizationAsync).WithName("ReplaceOrganization").WithTags("Organizations")
            .Accepts<OrganizationRequest>("application/json")
            .Produces<AdminOrganization>().ProducesScimErrors(400, 401, 403, 404, 409)
            .RequireAuthorization(AdminPolicies.Operator);
        organization.MapPatch("/", ChangeOrganizationAsync).WithName("PatchOrganization").WithTags("Organizations")
            .Accepts<OrganizationRequest>("application/json")
            .Produces<AdminOrganization>().ProducesScimErrors(400, 401, 403, 404, 409)
            .RequireAuthorization(AdminPolicies.Operator);
    }

    /// <summary>Creates an organization (the operator only) and answers it with what its owner pastes into an identity provider.</summary>
    /// <remarks>
    /// The name has 1 to 200 UTF-16 code units, no control or formatting characters (400 <c>invalidValue</c> naming the
    /// character), and is unique case-insensitively (409 <c>uniqueness</c>).
    /// </remarks>
    private static async Task<IResult> CreateOrganizationAsync(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var body = await ScimRequestBody.ReadAsync<OrganizationRequest>(context.Request, "organization", ct);
        return !body.IsSuccess
            ? ScimResults.Error(body.Error)
            : AdminResults.From(await mediator.Send(new CreateOrganization.Command(body.Value!.Name ?? ""), ct),
                created => AdminResults.Created($"/admin/organizations/{created.Id}", AdminOrganization.From(created, context)));
    }

    /// <summary>Lists the organizations by lower-case name, a page at a time (the operator only).</summary>
    /// <remarks>
    /// Each page is one range read of the name index after the cursor's name, however deep; the last page has no
    /// <c>nextCursor</c>. An organization created or renamed meanwhile appears where its name now sorts; one being deleted
    /// is left out.
    /// </remarks>
    private static async Task<IResult> ListOrganizationsAsync(HttpContext context, string? count, string? cursor, IMediator mediator, CancellationToken ct)
    {
        var size = ListOrganizations.DefaultCount;
        if (count is not null && !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return ScimResults.Error(ScimError.InvalidValue($"'count' must be a whole number from 1 to {ListOrganizations.MaxCount}."));
        }

        return AdminResults.From(await mediator.Send(new ListOrganizations.Query(size, cursor), ct),
            page => AdminResults.Ok(new AdminOrganizationPage([.. page.Organizations.Select(o => AdminOrganization.From(o, context))], page.NextCursor)));
    }

    /// <summary>Reads an organization (the operator, or a key with the <c>admin</c> scope of that organization).</summary>
    /// <remarks>Another organization's id is 404 for a key, word for word as one that does not exist; so is an organization being deleted.</remarks>
    private static async Task<IResult> GetOrganizationAsync(string organizationId, HttpContext context, IMediator mediator, CancellationToken ct) =>
        AdminResults.From(await mediator.Send(new GetOrganization.Query(Guid.Parse(organizationId)), ct), o => AdminResults.Ok(AdminOrganization.From(o, context)));

    /// <summary>Renames an organization, sets its rate limit, or both (the operator only), and answers it.</summary>
    /// <remarks>
    /// PUT and PATCH alike take <c>{"name": …, "rateLimit": …}</c>, the organization's only attributes a request may change;
    /// an absent <c>rateLimit</c> leaves it as it is, <c>null</c> gives back the deployment's, and an absent <c>name</c> is
    /// allowed beside <c>rateLimit</c>. The name it has already changes nothing; a name another organization has is 409
    /// <c>uniqueness</c>. Both are checked before either is written.
    /// </remarks>
    private static async Task<IResult> ChangeOrganizationAsync(string organizationId, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var body = await ScimRequestBody.ReadObjectAsync(context.Request, ct);
        var request = body.IsSuccess ? ScimJson.Deserialize<OrganizationRequest>(body.Value!, "organization") : body.Error;
        if (!request.IsSuccess)
        {
            return ScimResults.Error(request.Error);
        }

        var id = Guid.Parse(organizationId);
        var (name, limit) = (request.Value!.Name, request.Value.RateLimit);
        var limitSent = body.Value!.Any(member => member.Key.Equals("rateLimit", StringComparison.OrdinalIgnoreCase));
        if (limitSent && SetOrganizationRateLimit.Check(limit?.RequestsPerSecond, limit?.Burst) is { } invalid)
        {
            return ScimResults.Error(invalid);
        }

        if (name is not null || !limitSent)
        {
            var renamed = await mediator.Send(new RenameOrganization.Command(id.ToString(), name ?? ""), ct);
            if (!renamed.IsSuccess || !limitSent)
            {
                return AdminResults.From(renamed, o => AdminResults.Ok(AdminOrganization.From(o, context)));
            }
        }

        return AdminResults.From(await mediator.Send(new SetOrganizationRateLimit.Command(id, limit?.RequestsPerSecond, limit?.Burst), ct),
            o => AdminResults.Ok(AdminOrganization.From(o, context)));
    }
}
