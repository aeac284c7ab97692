using Mediator;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Creates an API key for an organization, through the write path with its journal row (operation Create, resource type
/// ApiKey: the key's label, prefix and scopes, never its secret) in the same transaction. The token is returned once and
/// stored only as a hash. Fails with 400 <c>invalidValue</c> without a scope, with a label longer than
/// <see cref="MaxLabelLength"/> UTF-16 code units or with a character <see cref="AdministrationText.Check"/> refuses, or with an
/// expiry that is not in the future, and 404 for an organization unknown or being deleted.
/// </summary>
public static class CreateApiKey
{
    /// <summary>The longest label accepted, in UTF-16 code units after trimming.</summary>
    public const int MaxLabelLength = 100;

    /// <param name="Organization">The organization's id or name.</param>
    /// <param name="Name">A label, e.g. <c>entra-provisioning</c>; empty gives <c>default</c>.</param>
    /// <param name="Scopes">What the key may do (see <see cref="ApiKeyScopes"/>); an identity provider needs <see cref="ApiKeyScopes.Scim"/>.</param>
    /// <param name="Expires">When the key stops working (after now), or null for a key that does not expire.</param>
    public sealed record Command(string Organization, string Name, ApiKeyScopes Scopes, DateTimeOffset? Expires = null) : ICommand<Result<Response>>;

    /// <summary>The stored key and its secret token (shown once).</summary>
    public sealed record Response(ApiKey Key, string Token);

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer, TimeProvider clock, JournalRecorder journal) : ICommandHandler<Command, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Scopes == ApiKeyScopes.None)
            {
                return ScimError.InvalidValue("An API key needs at least one scope: scim, read, write or admin.");
            }

            if (AdministrationText.Check(command.Name, "An API key's label") is { } unprintable)
            {
                return unprintable;
            }

            var label = string.IsNullOrWhiteSpace(command.Name) ? "default" : command.Name.Trim();
            if (label.Length > MaxLabelLength)
            {
                return AdministrationText.TooLong("An API key's label", MaxLabelLength, label.Length);
            }

            var now = clock.StoredNow();
            var expires = command.Expires?.UtcDateTime;
            if (expires <= now)
            {
                return ScimError.InvalidValue(
                    $"An API key's expiry must be in the future: {expires:yyyy-MM-dd HH:mm:ss} UTC has passed (it is {now:yyyy-MM-dd HH:mm:ss} UTC).");
            }

            var organization = await db.Organizations.FindByIdOrNameAsync(command.Organization, cancellationToken);
            if (organization is null)
            {
                return OrganizationQueries.NotFound(command.Organization);
            }

            var token = ApiKeyToken.Create();
            var key = new ApiKey
            {
                OrganizationId = organization.Id,
                Name = label,
                Prefix = token[..ApiKeyToken.PrefixLength],
                SecretHash = ApiKeyToken.Hash(token),
                Scopes = command.Scopes,
                CreatedUtc = now,
                ExpiresUtc = expires,
            };
            var change = journal.Administration(
                organization.Id, nameof(CreateApiKey), JournalOperation.Create, JournalResourceType.ApiKey, key.Id,
                expires is null ? "name,scopes" : "name,scopes,expires", ApiKeyScopeNames.Describe(key));
            // The write checks again that the organization is still in use: one whose deletion began since the lookup
            // above (and revoked its keys) gets no key, and the answer is the 404 of an organization being deleted.
            var written = await writer.WriteAsync<bool>(
                organization.Id,
                1,
                async (session, _) =>
                {
                    if (!await session.OrganizationOpenAsync())
                    {
                        return OrganizationQueries.NotFound(command.Organization);
                    }

                    await session.InsertApiKeyAsync(key);
                    return await session.RecordAsync<bool>(true, change);
                },
                cancellationToken);
            return written.IsSuccess ? new Response(key, token) : written.Error!;
        }
    }
}
