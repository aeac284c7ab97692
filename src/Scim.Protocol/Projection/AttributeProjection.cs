using Scim.Protocol.Schemas;

namespace Scim.Protocol.Projection;

/// <summary>
/// The <c>attributes</c> and <c>excludedAttributes</c> query parameters (RFC 7644 §3.4.2.5, §3.9): comma-separated
/// attribute paths resolved by <see cref="AttributePathResolver"/>, so they take the same spellings as PATCH paths and
/// body keys: <c>userName</c>, <c>name.givenName</c>, <c>emails.value</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c>, a whole extension URN, and so on.
/// A path that is malformed or names nothing selects nothing. <c>schemas</c> and the attributes whose
/// <c>returned</c> is <c>always</c> (<c>id</c>) are always returned (RFC 7643 §7).
/// </summary>
public sealed class AttributeProjection
{
    // Each selected value is given as the chain of JSON member names that leads to it in a resource:
    // ["name", "givenName"], or [extension URN, "manager", "value"] for an extension attribute.
    private AttributeProjection(List<string[]>? included, List<string[]> excluded) =>
        Scope = ProjectionScope.Build(included, excluded, 0);

    /// <summary>The projection that returns the default attribute set.</summary>
    public static AttributeProjection Default { get; } = new(null, []);

    /// <summary>Parses both parameters; the lists may also come from a SearchRequest body (RFC 7644 §3.4.3).</summary>
    /// <param name="attributes">Attribute paths to return, or empty.</param>
    /// <param name="excludedAttributes">Attribute paths to leave out, or empty.</param>
    /// <param name="type">The resource type the paths are resolved against.</param>
    public static AttributeProjection Parse(IEnumerable<string> attributes, IEnumerable<string> excludedAttributes, ResourceTypeDefinition type)
    {
        var requested = Paths(attributes);

        // attributes=foo still asks for foo alone: naming only unknown attributes leaves just those always returned.
        var included = requested.Count == 0
            ? null
            : Resolve(requested, type).Concat(AlwaysReturned(type)).Select(r => Location(r, type)).ToList();
        var excluded = Resolve(Paths(excludedAttributes), type).Where(r => !IsAlwaysReturned(r)).Select(r => Location(r, type)).ToList();
        return new AttributeProjection(included, excluded);
    }

    /// <summary>
    /// What the parameters keep of a resource, member by member, for a renderer to ask as it writes (top-level members
    /// such as <c>userName</c>, then inside each complex value).
    /// </summary>
    public ProjectionScope Scope { get; }

    /// <summary>
    /// Whether top-level member <paramref name="name"/> of a resource (e.g. <c>members</c>) will be in the output, so a
    /// handler can avoid loading what nobody asked for.
    /// </summary>
    public bool Includes(string name) => Scope.Member(name) is not null;

    private static List<string> Paths(IEnumerable<string> lists) =>
        lists.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static IEnumerable<AttributeReference> Resolve(List<string> paths, ResourceTypeDefinition type) =>
        paths.Select(p => AttributePathResolver.Resolve(p, type).Value).OfType<AttributeReference>();

    private static IEnumerable<AttributeReference> AlwaysReturned(ResourceTypeDefinition type) =>
        type.AllSchemas
            .SelectMany(s => (s == type.Schema ? s.Attributes.Concat(CommonAttributes.All) : s.Attributes)
                .Select(a => new AttributeReference(AttributeReferenceKind.Attribute, s, a)))
            .Where(IsAlwaysReturned)
            .Prepend(new AttributeReference(AttributeReferenceKind.Schemas, type.Schema));

    private static bool IsAlwaysReturned(AttributeReference reference) =>
        reference.Kind == AttributeReferenceKind.Schemas || reference.Attribute?.Returned == Returned.Always;

    private static string[] Location(AttributeReference reference, ResourceTypeDefinition type)
    {
        var names = new List<string>();
        if (reference.Schema != type.Schema)
        {
            names.Add(reference.Schema.Id);
        }

        if (reference.Kind == AttributeReferenceKind.Schemas)
        {
            names.Add(AttributePathResolver.SchemasAttributeName);
        }

        if (reference.Attribute is not null)
        {
            names.Add(reference.Attribute.Name);
        }

        if (reference.SubAttribute is not null)
        {
            names.Add(reference.SubAttribute.Name);
        }

        return [.. names];
    }
}
