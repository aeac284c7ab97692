using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Resources;

/// <summary>Writes resources of one kind, each read as a <typeparamref name="TRow"/>, as SCIM JSON.</summary>
/// <typeparam name="TRow">What a read gives for one resource.</typeparam>
internal interface IResourceRenderer<in TRow>
{
    /// <summary>The resource's path below the SCIM base URL, e.g. <c>/Users/{id}</c>.</summary>
    string PathOf(TRow row);

    /// <summary>The resource's stored version (<c>meta.version</c>), or null when it has none (a discovery document).</summary>
    long? VersionOf(TRow row);

    /// <summary>Whether what <see cref="WriteAsync"/> writes follows from the version alone (<see cref="ScimBody.IsCoveredByVersion"/>).</summary>
    bool IsCoveredByVersion(TRow row);

    /// <summary>Writes the resource as one JSON object.</summary>
    ValueTask WriteAsync(TRow row, ScimJsonOutput output, CancellationToken cancellationToken);
}

/// <summary>One resource as a response body (RFC 7644 §3.3, §3.4.1).</summary>
internal sealed class ResourceBody<TRow>(TRow row, IResourceRenderer<TRow> renderer) : ScimBody
{
    public override string? ResourcePath => renderer.PathOf(row);

    public override long? Version => renderer.VersionOf(row);

    public override bool IsCoveredByVersion => renderer.IsCoveredByVersion(row);

    public override ValueTask WriteAsync(ScimJsonOutput output, CancellationToken cancellationToken) =>
        renderer.WriteAsync(row, output, cancellationToken);
}

/// <summary>
/// The ListResponse message (RFC 7644 §3.4.2): <c>schemas</c>, <c>totalResults</c>, <c>startIndex</c>,
/// <c>itemsPerPage</c> and <c>Resources</c>, each resource written by the renderer of its kind.
/// </summary>
internal sealed class ListResponseBody<TRow>(IReadOnlyList<TRow> rows, int totalResults, int startIndex, IResourceRenderer<TRow> renderer)
    : ScimBody
{
    public override string? ResourcePath => null;

    public override async ValueTask WriteAsync(ScimJsonOutput output, CancellationToken cancellationToken)
    {
        var json = output.Json;
        json.WriteStartObject();
        json.WriteStartArray("schemas");
        json.WriteStringValue(ScimSchemaUris.ListResponse);
        json.WriteEndArray();
        json.WriteNumber("totalResults", totalResults);
        json.WriteNumber("startIndex", startIndex);
        json.WriteNumber("itemsPerPage", rows.Count);
        json.WriteStartArray("Resources");
        foreach (var row in rows)
        {
            await renderer.WriteAsync(row, output, cancellationToken);
            await output.SendAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
