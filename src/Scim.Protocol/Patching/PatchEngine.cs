using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a resource, accepting Microsoft Entra's dialects: capitalised
/// <c>op</c>, <c>"True"</c>/<c>"False"</c> strings, path-less add/replace with dotted and URN-qualified keys,
/// bare-string <c>manager</c>, filtered paths that create the element they name, and member removal by value list.
/// </summary>
public static class PatchEngine
{
    /// <summary>The <c>add</c> op (RFC 7644 §3.5.2.1).</summary>
    public const string Add = "add";

    /// <summary>The <c>remove</c> op (RFC 7644 §3.5.2.2).</summary>
    public const string Remove = "remove";

    /// <summary>The <c>replace</c> op (RFC 7644 §3.5.2.3).</summary>
    public const string Replace = "replace";

    /// <summary>
    /// Applies <paramref name="request"/> to a deep clone of <paramref name="resource"/>, all-or-nothing.
    /// </summary>
    /// <param name="resource">The full current canonical resource (<c>id</c>, <c>meta</c>, <c>schemas</c>; groups without <c>members</c>); not modified.</param>
    /// <param name="request">The PatchOp body.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="externalAttributes">
    /// Attributes stored outside the JSON (<c>{"members"}</c> for groups): operations on them become
    /// <see cref="PatchOutcome.MemberOperations"/> instead of JSON changes.
    /// </param>
    /// <returns>
    /// The patched resource, normalised (<see cref="ResourceNormalizer"/>) and checked for required attributes; or
    /// 400 <c>invalidSyntax</c> (no <c>Operations</c>, no PatchOp schema, unknown <c>op</c>), <c>invalidPath</c>
    /// (malformed path, a sub-attribute of a simple attribute), <c>mutability</c> (an operation that would change a
    /// readOnly attribute, an immutable one that has a value, or a member's value or type), <c>noTarget</c> (remove
    /// without path) or <c>invalidValue</c> (value of the wrong type, required attribute removed, member without
    /// <c>value</c>). An operation that names a readOnly or immutable attribute, by path or as a key of a path-less
    /// value, and leaves its value as it is, is ignored. Paths no published schema defines are ignored and listed in
    /// <see cref="PatchOutcome.IgnoredAttributes"/>.
    /// </returns>
    public static Result<PatchOutcome> Apply(
        JsonObject resource, PatchRequest request, ResourceTypeDefinition type, IReadOnlySet<string>? externalAttributes = null)
    {
        if (request.Operations is null)
        {
            return ScimError.InvalidSyntax("The PatchOp request has no 'Operations' array (RFC 7644 §3.5.2).");
        }

        if (request.Schemas is null || !request.Schemas.Contains(ScimSchemaUris.PatchOp, StringComparer.OrdinalIgnoreCase))
        {
            return ScimError.InvalidSyntax($"The request 'schemas' must contain \"{ScimSchemaUris.PatchOp}\".");
        }

        var start = ResourceNormalizer.Normalize(resource, type, keepReadOnly: true);
        if (!start.IsSuccess)
        {
            return start.Error;
        }

        var state = new PatchState(start.Value!.Resource, type, externalAttributes);
        for (var index = 0; index < request.Operations.Count; index++)
        {
            var applied = ApplyOperation(state, request.Operations[index], index);
            if (!applied.IsSuccess)
            {
                return applied.Error;
            }
        }

        var normalized = ResourceNormalizer.Normalize(state.Resource, type, keepReadOnly: true);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        var required = ResourceNormalizer.ValidateRequired(normalized.Value!.Resource, type);
        if (!required.IsSuccess)
        {
            return required.Error;
        }

        var ignored = state.Ignored.Concat(state.Coercer.Ignored).Concat(normalized.Value.IgnoredAttributes).Distinct().ToList();
        return new PatchOutcome(normalized.Value.Resource, state.MemberOperations, ignored);
    }

    /// <summary>
    /// Whether some operation of <paramref name="request"/> names <paramref name="attribute"/>, by path or as a key of
    /// a path-less value. A caller that leaves an attribute it stores elsewhere out of the resource it passes to
    /// <see cref="Apply"/> (a user's readOnly <c>groups</c>) includes it for such a request, so that the operation is
    /// checked against the attribute's value.
    /// </summary>
    /// <param name="request">The PatchOp body; malformed operations name nothing.</param>
    /// <param name="type">The resource type the paths are resolved against.</param>
    /// <param name="attribute">The attribute, one of <paramref name="type"/>'s.</param>
    public static bool Names(PatchRequest request, ResourceTypeDefinition type, AttributeDefinition attribute)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attribute);

        // Every spelling of a path to the attribute contains its name; the rest need not be parsed.
        bool Mentions(string path) => path.Contains(attribute.Name, StringComparison.OrdinalIgnoreCase);
        foreach (var operation in request.Operations ?? [])
        {
            var named = string.IsNullOrWhiteSpace(operation?.Path)
                ? operation?.Value is JsonObject fields
                    && fields.Any(f => Mentions(f.Key) && AttributePathResolver.Resolve(f.Key, type).Value?.Attribute == attribute)
                : Mentions(operation.Path) && PatchTarget.Resolve(operation.Path, type).Value?.Attribute == attribute;
            if (named)
            {
                return true;
            }
        }

        return false;
    }

    private static Result<bool> ApplyOperation(PatchState state, PatchOperation? operation, int index)
    {
        var op = operation?.Op?.ToLowerInvariant();
        if (operation is null || op is not (Add or Replace or Remove))
        {
            return ScimError.InvalidSyntax(
                $"Operations[{index}]: 'op' must be \"add\", \"replace\" or \"remove\" (any casing); got \"{operation?.Op}\".");
        }

        if (string.IsNullOrWhiteSpace(operation.Path))
        {
            return op == Remove
                ? ScimError.NoTarget($"Operations[{index}]: a remove operation requires a 'path' (RFC 7644 §3.5.2.2).")
                : ApplyPathless(state, op, operation.Value, index);
        }

        var target = PatchTarget.Resolve(operation.Path, state.Type);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        if (target.Value is null)
        {
            state.Ignored.Add(operation.Path);
            return true;
        }

        return ApplyToTarget(state, op, target.Value, operation.Value);
    }

    /// <summary>
    /// Path-less add/replace (RFC 7644 §3.5.2.1/§3.5.2.3): each key of the value object is a path of its own
    /// (<c>displayName</c>, <c>name.givenName</c>, <c>urn:...:User:employeeNumber</c>, or the extension URN with an
    /// object), readOnly ones (<c>id</c>, <c>meta</c>) included: their value must be the one they have.
    /// </summary>
    private static Result<bool> ApplyPathless(PatchState state, string op, JsonNode? value, int index)
    {
        if (value is not JsonObject fields)
        {
            return ScimError.InvalidValue($"Operations[{index}]: without 'path', 'value' must be a JSON object of attributes.");
        }

        foreach (var (key, fieldValue) in fields)
        {
            // A key that is not an attrPath names nothing, like an unknown one: ignored and reported, never a 400.
            var resolved = AttributePathResolver.Resolve(key, state.Type).Value;
            PatchTarget target;
            switch (resolved?.Kind)
            {
                case AttributeReferenceKind.Extension or AttributeReferenceKind.Attribute:
                    target = PatchTarget.For(resolved, null, key);
                    break;
                case null when fieldValue is not null:
                    state.Ignored.Add(key);
                    continue;
                default:
                    // schemas is recomputed from the attributes the resource has.
                    continue;
            }

            var applied = ApplyToTarget(state, op, target, fieldValue);
            if (!applied.IsSuccess)
            {
                return applied;
            }
        }

        return true;
    }

    private static Result<bool> ApplyToTarget(PatchState state, string op, PatchTarget target, JsonNode? value)
    {
        if (target.Attribute is null && op != Remove && value is JsonObject fields)
        {
            return ApplyExtension(state, op, target, fields);
        }

        if (state.IsExternal(target))
        {
            var member = MemberOperationBuilder.Build(op, target, value, state.Coercer);
            if (!member.IsSuccess)
            {
                return member.Error;
            }

            if (member.Value is not null)
            {
                state.MemberOperations.Add(member.Value);
            }

            return true;
        }

        if (MutabilityGuard.Guards(target))
        {
            var unchanged = MutabilityGuard.Check(state.Resource, state.Type, op, target, value);
            if (!unchanged.IsSuccess || unchanged.Value)
            {
                return unchanged;
            }
        }

        return op == Remove ? state.Patcher.Remove(target, value) : state.Patcher.Set(target, value, replace: op == Replace);
    }

    /// <summary>
    /// add/replace of a whole extension object (RFC 7643 §3.3), by its URN as path or as a key of a path-less value:
    /// each member is an attribute path within the extension, applied as if sent on its own.
    /// </summary>
    private static Result<bool> ApplyExtension(PatchState state, string op, PatchTarget extension, JsonObject fields)
    {
        foreach (var (key, value) in fields)
        {
            var resolved = AttributePathResolver.ResolveInExtension(key, extension.Schema, state.Type).Value;
            if (resolved is null)
            {
                state.Ignored.Add($"{extension.Schema.Id}:{key}");
                continue;
            }

            var applied = ApplyToTarget(state, op, PatchTarget.For(resolved, null, $"{extension.Schema.Id}:{key}"), value);
            if (!applied.IsSuccess)
            {
                return applied;
            }
        }

        return true;
    }

    /// <summary>The working state of one <see cref="Apply"/> call.</summary>
    private sealed class PatchState
    {
        private readonly IReadOnlySet<string>? externalAttributes;

        public PatchState(JsonObject resource, ResourceTypeDefinition type, IReadOnlySet<string>? externalAttributes)
        {
            Resource = resource;
            Type = type;
            this.externalAttributes = externalAttributes;
            Coercer = new ValueCoercer(keepReadOnly: false);
            Patcher = new ResourcePatcher(resource, type, Coercer);
        }

        public JsonObject Resource { get; }

        public ResourceTypeDefinition Type { get; }

        public ValueCoercer Coercer { get; }

        public ResourcePatcher Patcher { get; }

        public List<string> Ignored { get; } = [];

        public List<MemberOperation> MemberOperations { get; } = [];

        public bool IsExternal(PatchTarget target) =>
            target.Attribute is not null
            && target.Schema == Type.Schema
            && externalAttributes is not null
            && externalAttributes.Any(name => string.Equals(name, target.Attribute.Name, StringComparison.OrdinalIgnoreCase));
    }
}
