using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Application.Common.Resources;

/// <summary>
/// A SCIM response body that writes itself as UTF-8 JSON: one resource (RFC 7643 §3) or a ListResponse (RFC 7644
/// §3.4.2). A read slice answers with one, holding the rows it read, and the HTTP layer has it write straight into the
/// response, so no JSON tree or intermediate string is built; a large value (a group's members) is read from the
/// database while it is written.
/// </summary>
public abstract class ScimBody
{
    /// <summary>
    /// For a single resource, its path below the SCIM base URL, e.g. <c>/Users/2819c223-7f76-453a-919d-413861904646</c>:
    /// <c>meta.location</c> and the <c>Location</c> header of a 201 (RFC 7644 §3.3) are the base URL followed by it.
    /// Null for a ListResponse.
    /// </summary>
    public abstract string? ResourcePath { get; }

    /// <summary>
    /// For a user or group, its stored version: <c>meta.version</c> and the <c>ETag</c> header are its
    /// <see cref="ETag"/> (RFC 7644 §3.14). Null for a ListResponse or a discovery document.
    /// </summary>
    public virtual long? Version => null;

    /// <summary>
    /// True when everything the body writes follows from <see cref="Version"/> (and the request's projection), so a
    /// client that holds a representation of that version has these very attributes and <c>If-None-Match</c> may be
    /// answered 304. False when the body includes what other resources' changes change without changing this version:
    /// a user's <c>groups</c> or its manager's <c>displayName</c>, a group's members' <c>display</c>.
    /// </summary>
    public virtual bool IsCoveredByVersion => false;

    /// <summary>
    /// The body of a resource already built as a JSON tree (the discovery documents, RFC 7644 §4); a relative
    /// <c>meta.location</c> in it is written absolute.
    /// </summary>
    /// <param name="resource">The resource; it is not changed.</param>
    /// <returns>The body.</returns>
    public static ScimBody FromJson(JsonObject resource) => new ResourceBody<JsonObject>(resource, JsonResourceRenderer.Instance);

    /// <summary>Writes the body as one JSON value to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write, with the request's SCIM base URL.</param>
    /// <param name="cancellationToken">Cancels the request; reads still running stop.</param>
    /// <returns>A task that completes when the whole body is written (the caller flushes the writer).</returns>
    public abstract ValueTask WriteAsync(ScimJsonOutput output, CancellationToken cancellationToken);

    /// <summary>
    /// The body as a JSON tree, with <c>meta.location</c> relative to the SCIM base URL (<c>/Users/{id}</c>), as the
    /// PATCH engine works on it (RFC 7644 §3.5.2).
    /// </summary>
    /// <param name="cancellationToken">Cancels the reads the body makes while it is written.</param>
    /// <returns>The body as a <see cref="JsonObject"/>.</returns>
    public async Task<JsonObject> ToJsonObjectAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var json = ScimJson.CreateWriter(buffer))
        {
            await WriteAsync(new ScimJsonOutput(json, baseUrl: ""), cancellationToken);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}

/// <summary>
/// Where a <see cref="ScimBody"/> writes: the JSON writer, the request's SCIM base URL for <c>meta.location</c>, and a
/// way to hand what is written so far to the client, so that a long array is sent while it is being read.
/// </summary>
/// <param name="json">The writer, with <see cref="ScimJson.CreateWriter"/>'s options.</param>
/// <param name="baseUrl">The SCIM base URL without a trailing slash, e.g. <c>https://scim.example.com/scim/v2</c>; empty for relative locations.</param>
/// <param name="send">Sends what the writer has committed; null when the whole body is kept in memory anyway.</param>
public sealed class ScimJsonOutput(Utf8JsonWriter json, string baseUrl, Func<CancellationToken, ValueTask>? send = null)
{
    /// <summary>How many bytes a body gathers (32 KiB) before <see cref="SendAsync"/> passes them on.</summary>
    public const int SendThreshold = 32 * 1024;

    private long sent;

    /// <summary>The JSON writer.</summary>
    public Utf8JsonWriter Json => json;

    /// <summary>The SCIM base URL without a trailing slash; resource locations are it followed by the resource's path.</summary>
    public string BaseUrl => baseUrl;

    /// <summary>
    /// Sends what has been written so far once it has reached <see cref="SendThreshold"/> bytes (otherwise does
    /// nothing), waiting while the client is slower than the database. Renderers call it between the elements of
    /// arrays that can be long, which keeps the memory of a body constant whatever its length.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once the bytes are handed on.</returns>
    public ValueTask SendAsync(CancellationToken cancellationToken)
    {
        if (send is null || json.BytesCommitted + json.BytesPending - sent < SendThreshold)
        {
            return ValueTask.CompletedTask;
        }

        json.Flush();
        sent = json.BytesCommitted;
        return send(cancellationToken);
    }
}
