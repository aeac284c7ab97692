using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Filtering.Translation;
using Scim.Protocol;

namespace Scim.Application.Common.Catalogue;

/// <summary>
/// How the values of a multi-valued attribute are kept as element rows of the entity: the list they live in, how a
/// new row is keyed to its owner, and its position (RFC 7643 §2.4 keeps the client's order).
/// </summary>
/// <typeparam name="TEntity">The owner.</typeparam>
/// <typeparam name="TRow">The element row.</typeparam>
/// <param name="List">The owner's list of rows (several attributes may share one list, told apart by the elements expression).</param>
/// <param name="Create">A new row for the owner at the given 0-based position, keyed to the owner and the attribute.</param>
/// <param name="Ordinal">A row's position.</param>
public sealed record RowStorage<TEntity, TRow>(Func<TEntity, List<TRow>> List, Func<TEntity, int, TRow> Create, Func<TRow, int> Ordinal);

/// <summary>
/// A multi-valued complex attribute (RFC 7643 §2.4) kept as rows of <typeparamref name="TRow"/>, whose
/// sub-attributes have a catalogue of their own. Without a <see cref="RowStorage{TEntity, TRow}"/> the rows are
/// written by a path of their own (group members) and the entry serves filters only.
/// </summary>
/// <typeparam name="TEntity">The owner.</typeparam>
/// <typeparam name="TRow">The element row.</typeparam>
public sealed class RowsEntry<TEntity, TRow> : CatalogueEntry<TEntity>
{
    private readonly Expression<Func<TEntity, IEnumerable<TRow>>> elements;
    private readonly Func<TEntity, IEnumerable<TRow>> rowsOf;
    private readonly RowStorage<TEntity, TRow>? storage;
    private readonly string defaultSubAttribute;
    private readonly ElementLookup<TEntity, TRow>? lookup;

    internal RowsEntry(
        CataloguePath path,
        Expression<Func<TEntity, IEnumerable<TRow>>> elements,
        AttributeCatalogue<TRow> elementCatalogue,
        RowStorage<TEntity, TRow>? storage,
        string defaultSubAttribute,
        ElementLookup<TEntity, TRow>? lookup)
        : base(path)
    {
        this.elements = elements;
        rowsOf = elements.Compile();
        Elements = elementCatalogue;
        this.storage = storage;
        this.defaultSubAttribute = defaultSubAttribute;
        this.lookup = lookup;
    }

    /// <summary>The catalogue of one element's sub-attributes.</summary>
    public AttributeCatalogue<TRow> Elements { get; }

    /// <inheritdoc />
    public override AttributeStorage Storage => AttributeStorage.Rows;

    /// <inheritdoc />
    public override bool Mapped => storage is not null;

    internal override void AddTo(FilterAttributeMap<TEntity> map) =>
        map.MultiValued(Path.Name, elements, Elements.FilterMap, defaultSubAttribute, lookup);

    internal override void Clear(TEntity entity) => storage?.List(entity).Clear();

    internal override ScimError? Read(JsonObject resource, TEntity entity)
    {
        if (storage is null || Path.Locate(resource) is not { } node)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            return ScimError.InvalidValue($"{Path.Name} must be an array of objects; it is {node.GetValueKind()}.");
        }

        var list = storage.List(entity);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject element)
            {
                return ScimError.InvalidValue($"{Path.Name}[{i}] must be an object; it is {array[i]?.GetValueKind().ToString() ?? "null"}.");
            }

            var row = storage.Create(entity, i);
            if (Elements.Read(element, row) is { } error)
            {
                return error;
            }

            list.Add(row);
        }

        return null;
    }

    internal override bool HasValue(TEntity entity) => storage is not null && rowsOf(entity).Any();

    internal override void Write(Utf8JsonWriter json, TEntity entity)
    {
        if (!HasValue(entity))
        {
            return;
        }

        json.WriteStartArray(Path.MemberName);
        foreach (var row in rowsOf(entity).OrderBy(storage!.Ordinal))
        {
            json.WriteStartObject();
            Elements.WriteMembers(json, row);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal override ScimError? CheckLength(TEntity entity, string prefix)
    {
        foreach (var row in rowsOf(entity))
        {
            if (Elements.CheckLengths(row, prefix + Path.Name + ".") is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
