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

/// <summary>The resources of one kind on a page, with the renderer of that kind.</summary>
internal interface IListSection
{
    /// <summary>How many resources the section holds.</summary>
    int Count { get; }

    /// <summary>Writes each resource as one JSON object, sending the output after each.</summary>
    ValueTask WriteAsync(ScimJsonOutput output, CancellationToken cancellationToken);
}

/// <summary>Rows of one kind and their renderer.</summary>
internal sealed class ListSection<TRow>(IReadOnlyList<TRow> rows, IResourceRenderer<TRow> renderer) : IListSection
{
    public int Count => rows.Count;

    public async ValueTask WriteAsync(ScimJsonOutput output, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            await renderer.WriteAsync(row, output, cancellationToken);
            await output.SendAsync(cancellationToken);
        }
    }
}

/// <summary>
/// The ListResponse message (RFC 7644 §3.4.2): <c>schemas</c>, <c>totalResults</c>, <c>startIndex</c>,
/// <c>itemsPerPage</c>, <c>nextCursor</c> (RFC 9865) and <c>Resources</c>, each section's resources written by the
/// renderer of their kind (a root search has users, then groups).
/// </summary>
internal sealed class ListResponseBody(IReadOnlyList<IListSection> sections, int? totalResults, int? startIndex, string? nextCursor)
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
        if (totalResults is { } total)
        {
            json.WriteNumber("totalResults", total);
        }

        if (startIndex is { } start)
        {
            json.WriteNumber("startIndex", start);
        }

        json.WriteNumber("itemsPerPage", sections.Sum(s => s.Count));
        if (nextCursor is not null)
        {
            json.WriteString("nextCursor", nextCursor);
        }

        json.WriteStartArray("Resources");
        foreach (var section in sections)
        {
            await section.WriteAsync(output, cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
