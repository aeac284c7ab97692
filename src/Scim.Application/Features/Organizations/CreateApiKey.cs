using Mediator;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Creates an API key for an organization. The token is returned once and stored only as a hash.</summary>
public static class CreateApiKey
{
    /// <param name="Organization">The organization's id or name.</param>
    /// <param name="Name">A label, e.g. <c>entra-provisioning</c>.</param>
    /// <param name="Scopes">What the key may do; SCIM endpoints need <see cref="ApiKeyScopes.Scim"/>.</param>
    public sealed record Command(string Organization, string Name, ApiKeyScopes Scopes) : ICommand<Result<Response>>;

    /// <summary>The stored key and its secret token (shown once).</summary>
    public sealed record Response(ApiKey Key, string Token);

    internal sealed class Handler(IScimDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Scopes == ApiKeyScopes.None)
            {
                return ScimError.InvalidValue("An API key needs at least one scope: scim, read or write.");
            }

            var organization = await db.Organizations.FindByIdOrNameAsync(command.Organization, cancellationToken);
            if (organization is null)
            {
                return ScimError.NotFound($"No organization has the id or name '{command.Organization}'.");
            }

            var token = ApiKeyToken.Create();
            var key = new ApiKey
            {
                OrganizationId = organization.Id,
                Name = string.IsNullOrWhiteSpace(command.Name) ? "default" : command.Name.Trim(),
                Prefix = token[..ApiKeyToken.PrefixLength],
                SecretHash = ApiKeyToken.Hash(token),
                Scopes = command.Scopes,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return new Response(key, token);
        }
    }
}
