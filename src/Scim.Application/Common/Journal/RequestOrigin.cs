using Scim.Domain.Journal;

namespace Scim.Application.Common.Journal;

/// <summary>Who sent the current request, as the journal records it with every row the request writes.</summary>
/// <param name="KeyId">The id of the API key the request authenticated with.</param>
/// <param name="KeyPrefix">The first characters of the key's token.</param>
/// <param name="KeyLabel">The key's name.</param>
/// <param name="Dialect">The provisioning client's dialect.</param>
/// <param name="RequestId">The request's id.</param>
public sealed record RequestOrigin(Guid? KeyId, string? KeyPrefix, string? KeyLabel, RequestDialect Dialect, string? RequestId)
{
    /// <summary>A change made outside an HTTP request (an admin command, a test sending a message): no key, no request.</summary>
    public static RequestOrigin None { get; } = new(null, null, null, RequestDialect.Other, null);
}

/// <summary>
/// The origin of the current request (scoped): the host reads it from the request when the journal first needs it, so a
/// request that writes nothing pays nothing for it.
/// </summary>
public interface IRequestOrigin
{
    /// <summary>The current request's origin; <see cref="RequestOrigin.None"/> outside a request.</summary>
    RequestOrigin Current { get; }
}
