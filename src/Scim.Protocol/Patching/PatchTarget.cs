using Scim.Filtering.Ast;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// A resolved PATCH target. Shapes: whole extension object (<see cref="Attribute"/> null); <c>attr</c>;
/// <c>attr.sub</c>; <c>attr[filter]</c>; <c>attr[filter].sub</c>.
/// </summary>
/// <param name="Schema">The schema whose object holds the attribute: the core schema (also for <c>id</c>/<c>externalId</c>/<c>meta</c>) or an extension.</param>
/// <param name="Attribute">The attribute, or null for the whole extension object.</param>
/// <param name="SubAttribute">The sub-attribute, or null.</param>
/// <param name="Filter">The bracket filter, relative to each element, or null.</param>
/// <param name="Path">The path as sent, for messages.</param>
internal sealed record PatchTarget(
    SchemaDefinition Schema, AttributeDefinition? Attribute, AttributeDefinition? SubAttribute, FilterNode? Filter, string Path);
