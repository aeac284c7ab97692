using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Query;
using Scim.Filtering.Translation;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Catalogue;

/// <summary>
/// How the values of a multi-valued attribute are kept as element rows of the entity: the list they live in, how a
/// new row is keyed to its owner, and its position (RFC 7643 §2.4 keeps the client's order).
/// </summary>
/// <typeparam name="TEntity">The owner.</typeparam>
/// <typeparam name="TRow">The element row.</typeparam>
/// <param name="List">The owner's list of rows (several attributes may share one list, told apart by the elements expression).</param>
/// <param name="Create">A new row for the owner at the given 0-based position, keyed to the owner and the attribute.</param>
/// <param name="Ordinal">A row's position (also what "the first value" means when a list is sorted by the attribute).</param>
public sealed record RowStorage<TEntity, TRow>(Func<TEntity, List<TRow>> List, Func<TEntity, int, TRow> Create, Expression<Func<TRow, int>> Ordinal)
{
    /// <summary><see cref="Ordinal"/>, compiled.</summary>
    internal Func<TRow, int> OrdinalOf { get; } = Ordinal.Compile();
}

/// <summary>
/// A multi-valued complex attribute (RFC 7643 §2.4) kept as rows of <typeparamref name="TRow"/>, whose
/// sub-attributes have a catalogue of their own. Without a <see cref="RowStorage{TEntity, TRow}"/> the rows are
/// written by a path of their own (group members, and the memberships that are a user's <c>groups</c>) and the entry
/// serves filters only.
/// </summary>
/// <typeparam name="TEntity">The owner.</typeparam>
/// <typeparam name="TRow">The element row.</typeparam>
public sealed class RowsEntry<TEntity, TRow> : CatalogueEntry<TEntity>
{
    private readonly Expression<Func<TEntity, IEnumerable<TRow>>>? elements;
    private readonly Func<TEntity, IEnumerable<TRow>>? rowsOf;
    private readonly RowStorage<TEntity, TRow>? storage;
    private readonly string defaultSubAttribute;
    private readonly ElementLookup<TEntity, TRow>? lookup;

    internal RowsEntry(
        CataloguePath path,
        Expression<Func<TEntity, IEnumerable<TRow>>>? elements,
        AttributeCatalogue<TRow> elementCatalogue,
        RowStorage<TEntity, TRow>? storage,
        string defaultSubAttribute,
        ElementLookup<TEntity, TRow>? lookup)
        : base(path)
    {
        this.elements = elements;
        rowsOf = elements is null ? null : CompiledOnce.Compile(elements);
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

    // Mirrors HasValue: the stored document has the attribute when it has a row.
    internal override Expression? Shown(ParameterExpression entity) =>
        storage is null || elements is null
            ? null
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TRow)], ReplacingExpressionVisitor.Replace(elements.Parameters[0], entity, elements.Body));

    /// <summary>
    /// The sort key of <c>sortBy</c> naming the sortable text sub-attribute <paramref name="subAttribute"/>: its value in
    /// the primary element, or else the first (RFC 7644 §3.4.2.3), lower-invariant when not caseExact; null when the
    /// sub-attribute is not sortable or the rows are not stored here.
    /// </summary>
    internal override Expression<Func<TEntity, string?>>? SortKey(AttributeDefinition subAttribute)
    {
        var text = Elements.Entries.OfType<TextEntry<TRow>>().FirstOrDefault(e => e.Sortable && e.Path.Attribute == subAttribute);
        var primary = Elements.Entries.OfType<BooleanEntry<TRow>>().FirstOrDefault(e => e.Path.Attribute.Name == "primary");
        if (text is null || primary is null || storage is null || elements is null)
        {
            return null;
        }

        var value = text.Normalized ?? text.Column;
        var isPrimary = Expression.Lambda<Func<TRow, bool>>(
            Expression.Equal(primary.Column.Body, Expression.Constant(true, typeof(bool?))), primary.Column.Parameters);
        var ordered = Expression.Call(typeof(Enumerable), nameof(Enumerable.OrderByDescending), [typeof(TRow), typeof(bool)], elements.Body, isPrimary);
        ordered = Expression.Call(typeof(Enumerable), nameof(Enumerable.ThenBy), [typeof(TRow), typeof(int)], ordered, storage.Ordinal);
        var values = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TRow), typeof(string)], ordered, value);
        var first = Expression.Call(typeof(Enumerable), nameof(Enumerable.FirstOrDefault), [typeof(string)], values);
        return Expression.Lambda<Func<TEntity, string?>>(first, elements.Parameters);
    }

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

    internal override bool HasValue(TEntity entity) => storage is not null && rowsOf!(entity).Any();

    internal override void Write(Utf8JsonWriter json, TEntity entity)
    {
        if (!HasValue(entity))
        {
            return;
        }

        json.WriteStartArray(Path.MemberName);
        foreach (var row in rowsOf!(entity).OrderBy(storage!.OrdinalOf))
        {
            json.WriteStartObject();
            Elements.WriteMembers(json, row);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal override ScimError? CheckLength(TEntity entity, string prefix)
    {
        foreach (var row in rowsOf?.Invoke(entity) ?? [])
        {
            if (Elements.CheckLengths(row, prefix + Path.Name + ".") is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
