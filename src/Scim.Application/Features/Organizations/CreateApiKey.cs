using Mediator;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Creates an API key for an organization. The token is returned once and stored only as a hash. Fails with 400
/// <c>invalidValue</c> without a scope or with an expiry that is not in the future, and 404 for an unknown organization.
/// </summary>
public static class CreateApiKey
{
    /// <param name="Organization">The organization's id or name.</param>
    /// <param name="Name">A label, e.g. <c>entra-provisioning</c>.</param>
    /// <param name="Scopes">What the key may do (see <see cref="ApiKeyScopes"/>); an identity provider needs <see cref="ApiKeyScopes.Scim"/>.</param>
    /// <param name="Expires">When the key stops working (after now), or null for a key that does not expire.</param>
    public sealed record Command(string Organization, string Name, ApiKeyScopes Scopes, DateTimeOffset? Expires = null) : ICommand<Result<Response>>;

    /// <summary>The stored key and its secret token (shown once).</summary>
    public sealed record Response(ApiKey Key, string Token);

    internal sealed class Handler(IScimDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Scopes == ApiKeyScopes.None)
            {
                return ScimError.InvalidValue("An API key needs at least one scope: scim, read, write or admin.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var expires = command.Expires?.UtcDateTime;
            if (expires <= now)
            {
                return ScimError.InvalidValue(
                    $"An API key's expiry must be in the future: {expires:yyyy-MM-dd HH:mm:ss} UTC has passed (it is {now:yyyy-MM-dd HH:mm:ss} UTC).");
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
                CreatedUtc = now,
                ExpiresUtc = expires,
            };
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return new Response(key, token);
        }
    }
}
