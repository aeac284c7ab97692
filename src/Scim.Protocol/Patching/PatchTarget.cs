using Scim.Filtering;
using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;
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
    SchemaDefinition Schema, AttributeDefinition? Attribute, AttributeDefinition? SubAttribute, FilterNode? Filter, string Path)
{
    /// <summary>
    /// Parses a PATCH <c>path</c> with <see cref="ScimFilterParser.ParsePath"/> and resolves it with
    /// <see cref="AttributePathResolver"/>.
    /// </summary>
    /// <returns>
    /// The target; null when the path names nothing a published schema defines, or <c>schemas</c> (the caller
    /// ignores it); 400 <c>invalidPath</c> with the parser's message for a malformed path or from
    /// <see cref="AttributePathResolver.Resolve(PatchPath, ResourceTypeDefinition)"/>. A readOnly or immutable target
    /// is returned too: whether the operation changes its value decides (<see cref="MutabilityGuard"/>).
    /// </returns>
    public static Result<PatchTarget?> Resolve(string path, ResourceTypeDefinition type)
    {
        PatchPath parsed;
        try
        {
            parsed = ScimFilterParser.ParsePath(path);
        }
        catch (ScimFilterException exception)
        {
            return ScimError.InvalidPath(exception.Message);
        }

        var reference = AttributePathResolver.Resolve(parsed, type);
        if (!reference.IsSuccess)
        {
            return reference.Error;
        }

        return reference.Value is { Kind: not AttributeReferenceKind.Schemas } resolved
            ? For(resolved, parsed.ValueFilter, path)
            : (PatchTarget?)null;
    }

    /// <summary>The target of <paramref name="reference"/> (an attribute or a whole extension), as sent in <paramref name="path"/>.</summary>
    public static PatchTarget For(AttributeReference reference, FilterNode? filter, string path) =>
        new(reference.Schema, reference.Attribute, reference.SubAttribute, filter, path);
}
