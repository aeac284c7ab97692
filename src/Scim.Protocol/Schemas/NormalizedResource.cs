using System.Text.Json.Nodes;

namespace Scim.Protocol.Schemas;

/// <summary>The result of <see cref="ResourceNormalizer.Normalize(JsonObject, ResourceTypeDefinition)"/>.</summary>
/// <param name="Resource">The canonical resource: <c>schemas</c> first, canonical attribute casing, no empty values.</param>
/// <param name="IgnoredAttributes">Paths of attributes the server does not publish and dropped (e.g. <c>emails[].foo</c>), for logging.</param>
public sealed record NormalizedResource(JsonObject Resource, IReadOnlyList<string> IgnoredAttributes);
