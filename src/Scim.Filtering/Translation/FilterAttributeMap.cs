using System.Linq.Expressions;
using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;

namespace Scim.Filtering.Translation;

/// <summary>
/// The allow-list of filterable attributes of one resource type (or of the elements of one multi-valued
/// attribute), each bound to the entity member that stores it. Filters naming anything else are rejected with
/// <c>invalidFilter</c>, so clients can only filter on columns chosen by the server.
/// <para>
/// Paths are registered as written in filters: <c>userName</c>, <c>name.givenName</c>, <c>meta.lastModified</c>,
/// or with the full URN for extension attributes, e.g.
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber</c>. Lookups ignore case
/// (RFC 7643 §2.1). A filter path qualified with the core schema URN resolves to the unqualified registration;
/// an unqualified path that is not a core attribute resolves to the one extension attribute with that name, and
/// is rejected as ambiguous if several extensions define it.
/// </para>
/// </summary>
/// <typeparam name="T">The entity type that the filter runs against.</typeparam>
public sealed class FilterAttributeMap<T> : IFilterAttributeMap
{
    private readonly string? _coreSchemaUri;
    private readonly Dictionary<string, AttributeMapping> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<AttributeMapping>> _extensionAttributesByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(AttributePath Path, AttributeMapping Mapping)> _registered = [];

    /// <summary>A map for the sub-attributes of a multi-valued attribute's elements, whose paths carry no schema URN.</summary>
    public FilterAttributeMap()
    {
    }

    /// <summary>A map for a resource type.</summary>
    /// <param name="coreSchemaUri">The resource's core schema, e.g. <c>urn:ietf:params:scim:schemas:core:2.0:User</c>; paths qualified with it resolve to the unqualified name.</param>
    public FilterAttributeMap(string coreSchemaUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coreSchemaUri);
        _coreSchemaUri = coreSchemaUri;
    }

    /// <summary>
    /// Registers a string attribute. Operators: <c>eq ne co sw ew gt ge lt le pr</c>; <c>pr</c> excludes the empty
    /// string; ordering operators compare lexicographically in the database collation.
    /// </summary>
    /// <param name="path">The attribute path, e.g. <c>userName</c>.</param>
    /// <param name="column">The member holding the value.</param>
    /// <param name="caseExact">The schema's <c>caseExact</c> (RFC 7643 §2.2); when false, comparisons ignore case.</param>
    /// <param name="normalized">
    /// Optional member holding <c>value.ToLowerInvariant()</c>. When given and <paramref name="caseExact"/> is false,
    /// it is compared with the lower-cased literal, which can use an index and folds all of Unicode; otherwise the
    /// column is lower-cased in SQL with <c>lower()</c>.
    /// </param>
    /// <param name="alwaysPresent">
    /// Whether every stored resource has a non-empty value (a required attribute the server refuses to store blank):
    /// then <c>pr</c> holds for every resource and compiles to no condition at all, so <c>userName pr</c> lists as
    /// cheaply as no filter.
    /// </param>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> String(
        string path, Expression<Func<T, string?>> column, bool caseExact, Expression<Func<T, string?>>? normalized = null, bool alwaysPresent = false)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Add(path, name => new StringAttributeMapping(name, column, caseExact, normalized, alwaysPresent: alwaysPresent));
    }

    /// <summary>
    /// Registers a binary attribute (RFC 7643 §2.3.6: base64 text, case exact). Operators: <c>eq ne co sw ew pr</c>;
    /// the ordering operators are <c>invalidFilter</c>, as RFC 7644 §3.4.2.2 requires for binary attributes.
    /// </summary>
    /// <param name="path">The attribute path, e.g. <c>value</c> of <c>x509Certificates</c>.</param>
    /// <param name="column">The member holding the base64 text.</param>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> Binary(string path, Expression<Func<T, string?>> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Add(path, name => new StringAttributeMapping(name, column, caseExact: true, normalized: null, ordered: false));
    }

    /// <summary>Registers a boolean attribute. Operators: <c>eq ne pr</c>; the value must be <c>true</c> or <c>false</c>.</summary>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> Boolean(string path, Expression<Func<T, bool>> column) => AddBoolean(path, column);

    /// <summary>Registers an optional boolean attribute; rows with null match <c>ne</c> and <c>eq null</c>, not <c>pr</c>.</summary>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> Boolean(string path, Expression<Func<T, bool?>> column) => AddBoolean(path, column);

    /// <summary>
    /// Registers a dateTime attribute stored in UTC. Operators: <c>eq ne gt ge lt le pr</c>; the value is an
    /// RFC 3339 string, converted to UTC; a malformed date is an <c>invalidFilter</c> error.
    /// </summary>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> DateTime(string path, Expression<Func<T, DateTime>> column) => AddDateTime(path, column);

    /// <summary>Registers an optional dateTime attribute; see <see cref="DateTime(string, Expression{Func{T, System.DateTime}})"/>.</summary>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> DateTime(string path, Expression<Func<T, DateTime?>> column) => AddDateTime(path, column);

    /// <summary>
    /// Registers an identifier stored as a GUID, such as <c>id</c>, a string attribute (RFC 7643 §3.1) that is case
    /// exact. <c>eq</c> compares the GUID (through an index): a value that is not an id in its canonical form
    /// (<see cref="ScimId"/>) matches nothing with <c>eq</c> (and everything with <c>ne</c>) instead of failing. The
    /// other string operators (<c>co sw ew gt ge lt le</c>) compare the id's canonical text, 36 lower-case characters
    /// with dashes, which no index serves.
    /// </summary>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> Id(string path, Expression<Func<T, Guid>> column) => AddId(path, column);

    /// <summary>Registers an optional reference stored as a GUID, such as <c>urn:...:enterprise:2.0:User:manager.value</c>.</summary>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> Id(string path, Expression<Func<T, Guid?>> column) => AddId(path, column);

    /// <summary>
    /// Registers a multi-valued attribute such as <c>emails</c>. <c>emails[type eq "work" and value co "@x"]</c>
    /// holds when one element satisfies the whole bracket filter; <c>emails.type eq "work"</c> and
    /// <c>emails co "x"</c> (which compares <paramref name="defaultSubAttribute"/>) hold when any element does;
    /// <c>emails pr</c> holds when there is at least one element.
    /// </summary>
    /// <param name="path">The attribute path, e.g. <c>emails</c>.</param>
    /// <param name="elements">
    /// The collection navigation; null when the owner has none (its elements are rows that name it, such as a user's
    /// group memberships), and then <paramref name="lookup"/> is required and filters on the attribute need an
    /// <see cref="IFilterElementSource"/>.
    /// </param>
    /// <param name="elementMap">The filterable sub-attributes of one element, built with the parameterless constructor.</param>
    /// <param name="defaultSubAttribute">The sub-attribute compared when the filter names only the attribute.</param>
    /// <param name="lookup">
    /// Optional: how to query the element table directly, so filters compile to <c>IN (SELECT ...)</c> when
    /// <see cref="FilterExpressionBuilder.Build{T}"/> is given an <see cref="IFilterElementSource"/>.
    /// </param>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> MultiValued<TElement>(
        string path,
        Expression<Func<T, IEnumerable<TElement>>>? elements,
        FilterAttributeMap<TElement> elementMap,
        string defaultSubAttribute = "value",
        ElementLookup<T, TElement>? lookup = null)
    {
        if (elements is null && lookup is null)
        {
            throw new ArgumentException($"The multi-valued attribute '{path}' needs its elements, a lookup of them, or both.", nameof(lookup));
        }

        ArgumentNullException.ThrowIfNull(elementMap);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultSubAttribute);
        return Add(path, name => new MultiValuedAttributeMapping(
            name, elements, typeof(TElement), elementMap, defaultSubAttribute,
            lookup is null ? null : (lookup.Key, lookup.ElementKey, lookup.Condition)));
    }

    /// <summary>
    /// Registers the single-valued complex attribute <paramref name="path"/> (e.g. <c>name</c>) over the sub-attributes
    /// of it registered so far (<c>name.givenName</c>, ...). <c>name pr</c> holds when any of them has a value (RFC 7644
    /// §3.4.2.2); another operator on the attribute alone compares <paramref name="defaultSubAttribute"/>, or is
    /// <c>invalidFilter</c> naming the attribute when there is none.
    /// </summary>
    /// <param name="path">The attribute path, e.g. <c>name</c> or <c>urn:...:enterprise:2.0:User:manager</c>.</param>
    /// <param name="defaultSubAttribute">The sub-attribute <c>attr op value</c> compares, or null.</param>
    /// <returns>This map.</returns>
    /// <exception cref="ArgumentException">No filterable sub-attribute of <paramref name="path"/> is registered.</exception>
    public FilterAttributeMap<T> Complex(string path, string? defaultSubAttribute = null)
    {
        var parent = Parse(path);
        var subAttributes = _registered
            .Where(r => r.Path.SubAttributeName is not null && r.Path.AttributeName.Equals(parent.AttributeName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.Path.SchemaUri, parent.SchemaUri, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Mapping)
            .OfType<ScalarAttributeMapping>()
            .ToList();
        if (subAttributes.Count == 0)
        {
            throw new ArgumentException($"No filterable sub-attribute of '{path}' is registered.", nameof(path));
        }

        return Add(path, name => new ComplexAttributeMapping(name, subAttributes, defaultSubAttribute));
    }

    /// <summary>
    /// Registers an attribute that filters may not name, such as one the server derives when it reads the resource:
    /// a filter naming it is <c>invalidFilter</c> with <paramref name="reason"/>, rather than "not a filterable
    /// attribute", so the client learns why and what to filter on instead.
    /// </summary>
    /// <param name="path">The attribute path, e.g. <c>meta.location</c>.</param>
    /// <param name="reason">Why, completing "cannot be filtered: ...", e.g. <c>the user's URL on this server</c>.</param>
    /// <returns>This map.</returns>
    public FilterAttributeMap<T> NotFilterable(string path, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Add(path, name => new NotFilterableAttributeMapping(name, reason));
    }

    /// <summary>
    /// Registers <c>schemas</c> (RFC 7643 §3), a multi-valued string whose values are the resource's core schema URN
    /// (the one this map was created with), which every resource has, and the URN of each extension in
    /// <paramref name="extensions"/> for the resources where its condition holds. Every operator compares the URNs
    /// case-insensitively, as schema URNs are resolved everywhere else; <c>schemas op "x"</c> holds when one of the
    /// resource's URNs satisfies it (<c>ne</c>: one URN differs). Each URN is compared with the value when the filter
    /// is compiled, so the SQL holds only the conditions of the URNs that match.
    /// </summary>
    /// <param name="extensions">Each extension's URN, with when a resource carries it.</param>
    /// <returns>This map.</returns>
    /// <exception cref="InvalidOperationException">The map is an element map, without a core schema.</exception>
    public FilterAttributeMap<T> Schemas(IEnumerable<KeyValuePair<string, Expression<Func<T, bool>>>> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var core = _coreSchemaUri ?? throw new InvalidOperationException("Only a resource's map has schemas.");
        List<(string Uri, LambdaExpression? When)> values = [(core, null), .. extensions.Select(e => (e.Key, (LambdaExpression?)e.Value))];
        return Add("schemas", name => new SchemasAttributeMapping(name, values));
    }

    /// <inheritdoc />
    bool IFilterAttributeMap.Defines(AttributePath path)
    {
        var schemaUri = IsCoreSchema(path.SchemaUri) ? null : path.SchemaUri;
        return Find(schemaUri, path.AttributeName, path.SubAttributeName) is not null || Find(schemaUri, path.AttributeName, null) is not null;
    }

    /// <inheritdoc />
    (AttributeMapping Mapping, string? SubAttributeName) IFilterAttributeMap.Resolve(AttributePath path, string? parentPath)
    {
        var schemaUri = IsCoreSchema(path.SchemaUri) ? null : path.SchemaUri;
        if (Find(schemaUri, path.AttributeName, path.SubAttributeName) is { } mapping)
        {
            return mapping is NotFilterableAttributeMapping refused
                ? throw refused.Refusal(parentPath is null ? path.ToString() : $"{parentPath}.{path}")
                : (mapping, null);
        }

        if (path.SubAttributeName is not null
            && Find(schemaUri, path.AttributeName, null) is MultiValuedAttributeMapping multiValued)
        {
            return (multiValued, path.SubAttributeName);
        }

        var fullPath = parentPath is null ? path.ToString() : $"{parentPath}.{path}";
        throw AttributeMapping.Error($"The attribute '{fullPath}' is not a filterable attribute.");
    }

    private FilterAttributeMap<T> AddBoolean(string path, LambdaExpression column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Add(path, name => new BooleanAttributeMapping(name, column));
    }

    private FilterAttributeMap<T> AddDateTime(string path, LambdaExpression column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Add(path, name => new DateTimeAttributeMapping(name, column));
    }

    private FilterAttributeMap<T> AddId(string path, LambdaExpression column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Add(path, name => new IdAttributeMapping(name, column));
    }

    private FilterAttributeMap<T> Add(string path, Func<string, AttributeMapping> create)
    {
        var parsed = Parse(path);
        var schemaUri = parsed.SchemaUri;
        var mapping = create(path);
        var key = Key(schemaUri, parsed.AttributeName, parsed.SubAttributeName);
        if (!_attributes.TryAdd(key, mapping))
        {
            throw new ArgumentException($"The attribute '{path}' is already registered.", nameof(path));
        }

        _registered.Add((parsed, mapping));

        if (schemaUri is not null)
        {
            var name = Key(null, parsed.AttributeName, parsed.SubAttributeName);
            if (!_extensionAttributesByName.TryGetValue(name, out var sameName))
            {
                _extensionAttributesByName[name] = sameName = [];
            }

            sameName.Add(mapping);
        }

        return this;
    }

    /// <summary>A registered path, parsed, with the core schema URN dropped (core attributes are registered unqualified).</summary>
    private AttributePath Parse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AttributePath parsed;
        try
        {
            parsed = AttributePathSyntax.Parse(path, 0, ScimFilterException.InvalidFilter);
        }
        catch (ScimFilterException error)
        {
            throw new ArgumentException($"'{path}' is not an attribute path: {error.Message}", nameof(path), error);
        }

        return IsCoreSchema(parsed.SchemaUri) ? parsed with { SchemaUri = null } : parsed;
    }

    private AttributeMapping? Find(string? schemaUri, string attributeName, string? subAttributeName)
    {
        var key = Key(schemaUri, attributeName, subAttributeName);
        if (_attributes.TryGetValue(key, out var mapping))
        {
            return mapping;
        }

        if (schemaUri is not null || !_extensionAttributesByName.TryGetValue(key, out var candidates))
        {
            return null;
        }

        return candidates.Count == 1
            ? candidates[0]
            : throw AttributeMapping.Error(
                $"The attribute '{key}' is ambiguous; qualify it with its schema URN: {string.Join(", ", candidates.Select(c => c.Path))}.");
    }

    private bool IsCoreSchema(string? schemaUri) =>
        schemaUri is not null && _coreSchemaUri is not null && schemaUri.Equals(_coreSchemaUri, StringComparison.OrdinalIgnoreCase);

    private static string Key(string? schemaUri, string attributeName, string? subAttributeName) =>
        new AttributePath(schemaUri, attributeName, subAttributeName).ToString();
}
