using Scim.Protocol;

namespace Scim.Application.Features.Bulk;

/// <summary>
/// The limits of one <c>POST /Bulk</c> request (RFC 7644 §3.7.4), bound from the <c>Scim:Bulk</c> settings and
/// advertised as ServiceProviderConfig <c>bulk.maxOperations</c> and <c>bulk.maxPayloadSize</c> (RFC 7643 §5). A request
/// beyond either is refused whole with 413 Payload Too Large before any of its operations runs.
/// </summary>
public sealed class BulkLimits
{
    /// <summary>The most operations one request may hold (<c>Scim:Bulk:MaxOperations</c>; default 1,000).</summary>
    public int MaxOperations { get; set; } = 1_000;

    /// <summary>The largest request body, in bytes (<c>Scim:Bulk:MaxPayloadSize</c>; default 1,048,576 = 1 MiB).</summary>
    public int MaxPayloadSize { get; set; } = 1_048_576;

    /// <summary>413 for a request with <paramref name="count"/> operations, more than <see cref="MaxOperations"/>.</summary>
    public ScimError TooManyOperations(int count) => new(413, null,
        $"The bulk request has {count} operations; the most this server accepts in one request is {MaxOperations} "
        + "(maxOperations in /ServiceProviderConfig). Send the operations in several requests.");

    /// <summary>413 for a request body longer than <see cref="MaxPayloadSize"/> bytes.</summary>
    public ScimError PayloadTooLarge() => new(413, null,
        $"The bulk request is larger than {MaxPayloadSize} bytes, the most this server accepts in one request "
        + "(maxPayloadSize in /ServiceProviderConfig). Send the operations in several requests.");
}
