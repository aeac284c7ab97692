using System.Buffers;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Filtering.Translation;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Catalogue;

/// <summary>
/// The attribute catalogue of one resource type (or of the elements of one multi-valued attribute): every attribute
/// its schemas define (RFC 7643 §7, with the common attributes of §3.1), in schema order, each bound to where it is
/// kept (a column, element rows, or nothing when the server derives it) with its filter, sort and index facts. The
/// attribute's characteristics (type, caseExact, mutability, returned, required) are read from its schema definition,
/// which <c>/Schemas</c> publishes, never restated here. Everything else that concerns attributes derives from this
/// one table:
/// <list type="bullet">
/// <item><see cref="FilterMap"/>: what filters may name and the columns they compile to (caseExact from the schema);</item>
/// <item><see cref="Read"/>: a canonical representation onto the entity's columns and rows (readOnly attributes are
/// never taken from a client);</item>
/// <item><see cref="Render"/>: the entity's stored document, in the catalogue's order, without what is derived;</item>
/// <item><see cref="CheckLengths(TEntity)"/>: the length limit of every indexed value.</item>
/// </list>
/// Building one checks it covers every attribute of the schemas exactly once with a storage that fits the
/// attribute's type, so an attribute added to a schema without a storage fails at start-up, not on a request.
/// </summary>
/// <typeparam name="TEntity">The entity (or element row) type.</typeparam>
public sealed class AttributeCatalogue<TEntity>
{
    private readonly List<CatalogueEntry<TEntity>> entries = [];
    private readonly Func<string, CataloguePath> resolve;
    private readonly Func<IEnumerable<CataloguePath>> attributes;
    private readonly Lazy<FilterAttributeMap<TEntity>> filterMap;
    private readonly Lazy<DocumentLayout> layout;

    /// <summary>A catalogue for a resource type: paths are resolved against its core schema, extensions and common attributes.</summary>
    public AttributeCatalogue(ResourceTypeDefinition type)
        : this(path => CataloguePath.Resolve(path, type), () => AttributesOf(type), type)
    {
    }

    private AttributeCatalogue(AttributeDefinition multiValued)
        : this(
            name => CataloguePath.ResolveElement(name, multiValued),
            () => multiValued.SubAttributes.Select(s => new CataloguePath(s.Name, null, s, null)),
            null)
    {
    }

    private AttributeCatalogue(Func<string, CataloguePath> resolve, Func<IEnumerable<CataloguePath>> attributes, ResourceTypeDefinition? type)
    {
        this.resolve = resolve;
        this.attributes = attributes;
        filterMap = new(() => BuildFilterMap(type));
        layout = new(() => DocumentLayout.Of(entries));
    }

    /// <summary>The catalogue's rows, in declaration (schema) order.</summary>
    public IReadOnlyList<CatalogueEntry<TEntity>> Entries => entries;

    /// <summary>The filterable attributes and their columns (RFC 7644 §3.4.2.2).</summary>
    public FilterAttributeMap<TEntity> FilterMap => filterMap.Value;

    /// <summary>A string, reference or binary attribute in a text column.</summary>
    /// <param name="path">The attribute path, e.g. <c>name.givenName</c>.</param>
    /// <param name="column">The column.</param>
    /// <param name="normalized">The column holding the value lower-cased invariantly, when there is one (used when the attribute is not caseExact).</param>
    /// <param name="indexed">Whether the value is a key of an index (limits its length).</param>
    /// <param name="sortable">Whether <c>sortBy</c> may name it.</param>
    public AttributeCatalogue<TEntity> Text(
        string path, Expression<Func<TEntity, string?>> column, Expression<Func<TEntity, string?>>? normalized = null,
        bool indexed = false, bool sortable = false) =>
        Add(new TextEntry<TEntity>(Resolve(path, AttributeType.String, AttributeType.Reference, AttributeType.Binary), column, normalized)
        {
            Indexed = indexed,
            Sortable = sortable,
        });

    /// <summary>A boolean attribute in a nullable column.</summary>
    public AttributeCatalogue<TEntity> Boolean(string path, Expression<Func<TEntity, bool?>> column) =>
        Add(new BooleanEntry<TEntity>(Resolve(path, AttributeType.Boolean), column));

    /// <summary>A dateTime attribute the server keeps (<c>meta.created</c>, <c>meta.lastModified</c>).</summary>
    public AttributeCatalogue<TEntity> DateTime(string path, Expression<Func<TEntity, DateTime>> column, bool sortable = false) =>
        Add(new DateTimeEntry<TEntity>(Resolve(path, AttributeType.DateTime), column) { Sortable = sortable });

    /// <summary>An id in a uuid column: the resource's own, or another resource's that a path of its own writes (<c>members.value</c>).</summary>
    public AttributeCatalogue<TEntity> Id(string path, Expression<Func<TEntity, Guid>> column) =>
        Add(new IdEntry<TEntity>(Resolve(path, AttributeType.String), column, (map, name) => map.Id(name, column)));

    /// <summary>
    /// The id of another resource, which the slice that writes it resolves and checks. With
    /// <paramref name="defaultOfParent"/>, a filter comparing its complex parent alone compares it (see
    /// <see cref="CatalogueEntry{TEntity}.DefaultOfParent"/>).
    /// </summary>
    public AttributeCatalogue<TEntity> Id(string path, Expression<Func<TEntity, Guid?>> column, bool defaultOfParent = false) =>
        Add(new IdEntry<TEntity>(Resolve(path, AttributeType.String), column, (map, name) => map.Id(name, column)) { DefaultOfParent = defaultOfParent });

    /// <summary>A multi-valued complex attribute kept as rows of <typeparamref name="TRow"/>.</summary>
    /// <param name="path">The attribute, e.g. <c>emails</c>.</param>
    /// <param name="elements">
    /// The attribute's rows of the entity (the filter's <c>EXISTS</c> subquery); null when the entity has no navigation
    /// to them (a user's group memberships), which are then read for filters through <paramref name="lookup"/> only.
    /// </param>
    /// <param name="subAttributes">Declares the catalogue of one element.</param>
    /// <param name="storage">How rows are created and kept; null when the rows are written elsewhere.</param>
    /// <param name="defaultSubAttribute">The sub-attribute a filter on the attribute alone compares (<c>emails co "x"</c>).</param>
    /// <param name="lookup">How to query the element table directly (see <see cref="ElementLookup{T, TElement}"/>).</param>
    public AttributeCatalogue<TEntity> Rows<TRow>(
        string path,
        Expression<Func<TEntity, IEnumerable<TRow>>>? elements,
        Action<AttributeCatalogue<TRow>> subAttributes,
        RowStorage<TEntity, TRow>? storage,
        string defaultSubAttribute = "value",
        ElementLookup<TEntity, TRow>? lookup = null)
    {
        ArgumentNullException.ThrowIfNull(subAttributes);
        if (elements is null && (storage is not null || lookup is null))
        {
            throw new InvalidOperationException($"The catalogue keeps '{path}' as rows without a navigation to them: it needs a lookup, and cannot store them.");
        }

        var resolved = Resolve(path, AttributeType.Complex);
        if (!resolved.Definition.MultiValued)
        {
            throw new InvalidOperationException($"The catalogue keeps '{path}' as rows, but its schema has it single-valued.");
        }

        var elementCatalogue = new AttributeCatalogue<TRow>(resolved.Definition);
        subAttributes(elementCatalogue);
        elementCatalogue.Validated(written: storage is not null);
        return Add(new RowsEntry<TEntity, TRow>(resolved, elements, elementCatalogue, storage, defaultSubAttribute, lookup));
    }

    /// <summary>An attribute that is not stored: <paramref name="source"/> says where its value comes from.</summary>
    public AttributeCatalogue<TEntity> Derived(string path, string source) => Add(new DerivedEntry<TEntity>(resolve(path), source));

    /// <summary>
    /// Checks that the catalogue covers every attribute of its schemas (every sub-attribute of a single-valued complex
    /// attribute) exactly once, and, when the catalogue's values are <paramref name="written"/> from representations,
    /// that every string or boolean attribute a client may write has a settable column (a computed expression would
    /// silently drop the client's value).
    /// </summary>
    /// <param name="written">False for the elements of rows written by a path of their own (group members).</param>
    /// <returns>This catalogue.</returns>
    /// <exception cref="InvalidOperationException">An attribute is missing, catalogued twice or unwritable; the message lists them.</exception>
    public AttributeCatalogue<TEntity> Validated(bool written = true)
    {
        var problems = new List<string>();
        if (written)
        {
            problems.AddRange(entries
                .Where(e => e is TextEntry<TEntity> or BooleanEntry<TEntity> && e.Path.Definition.Mutability != Mutability.ReadOnly && !e.Mapped)
                .Select(e => $"{e.Path.Name} may be written by clients but its column is not a settable property"));
        }

        foreach (var attribute in attributes())
        {
            var leaves = attribute.Attribute is { IsComplex: true, MultiValued: false } complex
                ? complex.SubAttributes.Select(s => attribute with { SubAttribute = s })
                : [attribute];
            foreach (var leaf in leaves)
            {
                var count = entries.Count(e => e.Path.Attribute == leaf.Attribute && e.Path.SubAttribute == leaf.SubAttribute);
                if (count != 1)
                {
                    problems.Add($"{Describe(leaf)} is catalogued {count} times");
                }
            }
        }

        return problems.Count == 0
            ? this
            : throw new InvalidOperationException("The attribute catalogue does not match the schemas: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// Sets the entity's mapped columns and rows from <paramref name="resource"/>, a canonical representation (RFC
    /// 7643 §3, normalised against the schema): each to the representation's value, or to none when it has none, so
    /// the entity says exactly what the representation says.
    /// </summary>
    /// <returns>
    /// Null, or 400 <c>invalidValue</c> naming the attribute whose value has the wrong JSON type; the entity is then
    /// partly written and must be discarded (every write reads onto a new entity and stores nothing on an error).
    /// </returns>
    public ScimError? Read(JsonObject resource, TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var entry in entries)
        {
            entry.Clear(entity);
        }

        foreach (var entry in entries)
        {
            if (entry.Read(resource, entity) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// The stored document of <paramref name="entity"/>: its mapped attributes as a UTF-8 JSON object in catalogue
    /// order (an extension's under its URN), without members that have no value and without what is derived.
    /// </summary>
    public byte[] Render(TEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = ScimJson.CreateWriter(buffer))
        {
            json.WriteStartObject();
            WriteMembers(json, entity);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>400 <c>invalidValue</c> naming the first indexed value of <paramref name="entity"/> that is too long; null when none is.</summary>
    public ScimError? CheckLengths(TEntity entity) => CheckLengths(entity, "");

    /// <summary>The names of the mapped multi-valued attributes kept as rows.</summary>
    public IEnumerable<string> RowAttributes =>
        entries.Where(e => e is { Storage: AttributeStorage.Rows, Mapped: true }).Select(e => e.Path.Name);

    /// <summary>The sub-attribute filter map of the elements of the multi-valued attribute <paramref name="path"/>.</summary>
    public FilterAttributeMap<TRow> ElementFilterMap<TRow>(string path) =>
        entries.OfType<RowsEntry<TEntity, TRow>>().Single(e => e.Path.Name == path).Elements.FilterMap;

    /// <summary>The value of the catalogued attribute <paramref name="path"/> in a canonical representation, or null.</summary>
    public JsonNode? Locate(JsonObject resource, string path) => entries.Single(e => e.Path.Name == path).Path.Locate(resource);

    internal ScimError? CheckLengths(TEntity entity, string prefix)
    {
        foreach (var entry in entries)
        {
            if (entry.CheckLength(entity, prefix) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    internal void WriteMembers(Utf8JsonWriter json, TEntity entity) => layout.Value.Write(json, entity);

    /// <summary>
    /// The filter map: every entry (a derived one as not filterable, with its reason), each single-valued complex
    /// attribute over its sub-attributes (<c>name pr</c>), and for a resource type <c>schemas</c>, whose extension URNs
    /// are where the renderers write them: when the resource shows an attribute of the extension.
    /// </summary>
    private FilterAttributeMap<TEntity> BuildFilterMap(ResourceTypeDefinition? type)
    {
        var map = type is null ? new FilterAttributeMap<TEntity>() : new FilterAttributeMap<TEntity>(type.Schema.Id);
        foreach (var entry in entries)
        {
            entry.AddTo(map);
        }

        foreach (var complex in entries.Where(e => e.Path.SubAttribute is not null).GroupBy(e => (e.Path.Extension, e.Path.Attribute)))
        {
            var (extension, attribute) = complex.Key;
            map.Complex(
                extension is null ? attribute.Name : $"{extension}:{attribute.Name}",
                complex.FirstOrDefault(e => e.DefaultOfParent)?.Path.SubAttribute!.Name);
        }

        if (type is not null)
        {
            var entity = Expression.Parameter(typeof(TEntity), "resource");
            map.Schemas(type.Extensions.Select(e => KeyValuePair.Create(
                e.Schema.Id,
                Expression.Lambda<Func<TEntity, bool>>(
                    entries.Where(x => x.Path.Extension == e.Schema.Id).Select(x => x.Shown(entity)).OfType<Expression>()
                        .Aggregate((Expression)Expression.Constant(false), Expression.OrElse),
                    entity))));
        }

        return map;
    }

    private static IEnumerable<CataloguePath> AttributesOf(ResourceTypeDefinition type) =>
        CommonAttributes.All.Concat(type.Schema.Attributes).Select(a => new CataloguePath(a.Name, null, a, null))
            .Concat(type.Extensions.SelectMany(e => e.Schema.Attributes.Select(a => new CataloguePath($"{e.Schema.Id}:{a.Name}", e.Schema.Id, a, null))));

    private static string Describe(CataloguePath path) =>
        (path.Extension is null ? "" : path.Extension + ":") + path.Attribute.Name + (path.SubAttribute is null ? "" : "." + path.SubAttribute.Name);

    private CataloguePath Resolve(string path, params AttributeType[] types)
    {
        var resolved = resolve(path);
        return types.Contains(resolved.Definition.Type)
            ? resolved
            : throw new InvalidOperationException($"The catalogue stores '{path}' as {string.Join(" or ", types)}, but its schema type is {resolved.Definition.Type}.");
    }

    private AttributeCatalogue<TEntity> Add(CatalogueEntry<TEntity> entry)
    {
        entries.Add(entry);
        return this;
    }

    /// <summary>
    /// The order the stored document's members are written in: mapped entries as declared, the sub-attributes of a
    /// single-valued complex attribute in one object, each extension's attributes in one object after the core ones.
    /// </summary>
    private sealed class DocumentLayout
    {
        private readonly List<Member> core = [];
        private readonly List<(JsonEncodedText Urn, List<Member> Members)> extensions = [];

        public static DocumentLayout Of(IEnumerable<CatalogueEntry<TEntity>> entries)
        {
            var layout = new DocumentLayout();
            foreach (var entry in entries.Where(e => e.Mapped))
            {
                var members = layout.core;
                if (entry.Path.Extension is { } urn)
                {
                    var name = JsonEncodedText.Encode(urn);
                    var index = layout.extensions.FindIndex(x => x.Urn.Equals(name));
                    if (index < 0)
                    {
                        layout.extensions.Add((name, []));
                        index = layout.extensions.Count - 1;
                    }

                    members = layout.extensions[index].Members;
                }

                if (entry.Path.SubAttribute is null)
                {
                    members.Add(new Member(null, [entry]));
                }
                else if (members.Count > 0 && members[^1].Complex == entry.Path.Attribute)
                {
                    members[^1].Entries.Add(entry);
                }
                else
                {
                    members.Add(new Member(entry.Path.Attribute, [entry]));
                }
            }

            return layout;
        }

        public void Write(Utf8JsonWriter json, TEntity entity)
        {
            WriteAll(json, core, entity);
            foreach (var (urn, members) in extensions)
            {
                if (members.Any(m => m.HasValue(entity)))
                {
                    json.WriteStartObject(urn);
                    WriteAll(json, members, entity);
                    json.WriteEndObject();
                }
            }
        }

        private static void WriteAll(Utf8JsonWriter json, List<Member> members, TEntity entity)
        {
            foreach (var member in members)
            {
                member.Write(json, entity);
            }
        }

        /// <summary>A member of the document: one entry, or a complex attribute's object of sub-attribute entries.</summary>
        private sealed record Member(AttributeDefinition? Complex, List<CatalogueEntry<TEntity>> Entries)
        {
            private readonly JsonEncodedText name = JsonEncodedText.Encode(Complex?.Name ?? "");

            public bool HasValue(TEntity entity) => Entries.Exists(e => e.HasValue(entity));

            public void Write(Utf8JsonWriter json, TEntity entity)
            {
                if (Complex is null)
                {
                    Entries[0].Write(json, entity);
                    return;
                }

                if (HasValue(entity))
                {
                    json.WriteStartObject(name);
                    foreach (var entry in Entries)
                    {
                        entry.Write(json, entity);
                    }

                    json.WriteEndObject();
                }
            }
        }
    }
}
