using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Query;
using Scim.Application.Common.Persistence;
using Scim.Filtering.Translation;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Catalogue;

/// <summary>How an attribute is kept.</summary>
public enum AttributeStorage
{
    /// <summary>A column of the resource's (or the element's) row.</summary>
    Column,

    /// <summary>Rows of an element table, one per value of a multi-valued attribute.</summary>
    Rows,

    /// <summary>Not stored: assigned or derived when the resource is read, or never returned.</summary>
    Derived,
}

/// <summary>One row of an <see cref="AttributeCatalogue{TEntity}"/>: an attribute, where it is kept and what it supports.</summary>
/// <typeparam name="TEntity">The entity (or element row) the attribute is stored on.</typeparam>
public abstract class CatalogueEntry<TEntity>
{
    private protected CatalogueEntry(CataloguePath path) => Path = path;

    /// <summary>The attribute and its place in a resource.</summary>
    public CataloguePath Path { get; }

    /// <summary>How the attribute is kept.</summary>
    public abstract AttributeStorage Storage { get; }

    /// <summary>Whether <c>sortBy</c> may name the attribute (RFC 7644 §3.4.2.3).</summary>
    public bool Sortable { get; init; }

    /// <summary>
    /// Whether the value is a key of an index (a uniqueness or lookup index): such values are limited to
    /// <see cref="IndexedText.MaxLength"/> characters on every provider.
    /// </summary>
    public bool Indexed { get; init; }

    /// <summary>Whether the value is written from a client's representation onto the entity and kept in its stored document.</summary>
    public virtual bool Mapped => false;

    /// <summary>
    /// Whether a filter that names this sub-attribute's single-valued complex parent alone with a comparison
    /// (<c>manager eq "…"</c>) compares this sub-attribute, as one naming a multi-valued attribute alone compares its
    /// <c>value</c>. Without such a sub-attribute only <c>pr</c> applies to the parent alone.
    /// </summary>
    public bool DefaultOfParent { get; init; }

    /// <summary>Registers the attribute in a filter map (RFC 7644 §3.4.2.2): its column, or why it cannot be filtered.</summary>
    internal abstract void AddTo(FilterAttributeMap<TEntity> map);

    /// <summary>
    /// "The resource shows a value of the attribute", as a condition on the entity; null when the attribute is derived
    /// or its column serves filters only. An extension's URN is in a resource's <c>schemas</c> exactly when one of the
    /// extension's attributes is shown, so the disjunction of their conditions is how a filter on <c>schemas</c> finds it.
    /// </summary>
    internal virtual Expression? Shown(ParameterExpression entity) => null;

    internal virtual ScimError? Read(JsonObject resource, TEntity entity) => null;

    internal virtual void Clear(TEntity entity)
    {
    }

    internal virtual bool HasValue(TEntity entity) => false;

    internal virtual void Write(Utf8JsonWriter json, TEntity entity)
    {
    }

    internal virtual ScimError? CheckLength(TEntity entity, string prefix) => null;

    /// <summary>For a multi-valued attribute: the sort key of its sortable <paramref name="subAttribute"/>, or null.</summary>
    internal virtual Expression<Func<TEntity, string?>>? SortKey(AttributeDefinition subAttribute) => null;

    /// <summary><c>value != null</c>, or true for a value that cannot be null.</summary>
    private protected static Expression IsNotNull(Expression value) =>
        value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
            ? Expression.Constant(true)
            : Expression.NotEqual(value, Expression.Constant(null, value.Type));
}

/// <summary>An attribute assigned or derived at read time (<c>meta.location</c>, <c>members.display</c>, <c>$ref</c>) or never returned (<c>password</c>).</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class DerivedEntry<TEntity> : CatalogueEntry<TEntity>
{
    internal DerivedEntry(CataloguePath path, string source)
        : base(path) => Source = source;

    /// <summary>Where the value comes from instead of a column: why it is not stored.</summary>
    public string Source { get; }

    /// <inheritdoc />
    public override AttributeStorage Storage => AttributeStorage.Derived;

    // No column holds the value, so a filter on it could only be answered by deriving it for every resource.
    internal override void AddTo(FilterAttributeMap<TEntity> map) => map.NotFilterable(Path.Name, $"the server does not keep it ({Source})");
}

/// <summary>
/// A single-valued attribute kept in a column of type <typeparamref name="TValue"/>. A column the client may write
/// (the attribute is not readOnly, and the expression is a settable property) is copied from the representation and
/// kept in the stored document; other columns (<c>meta.created</c>, computed expressions) serve filters only.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TValue">The column's CLR type.</typeparam>
public abstract class ColumnEntry<TEntity, TValue> : CatalogueEntry<TEntity>
{
    private readonly Func<TEntity, TValue> get;
    private readonly Action<TEntity, TValue>? set;

    private protected ColumnEntry(CataloguePath path, Expression<Func<TEntity, TValue>> column)
        : base(path)
    {
        Column = column;
        get = column.Compile();
        set = path.Definition.Mutability == Mutability.ReadOnly ? null : SetterOf(column);
    }

    /// <summary>The column the value is kept in.</summary>
    public Expression<Func<TEntity, TValue>> Column { get; }

    /// <inheritdoc />
    public override AttributeStorage Storage => AttributeStorage.Column;

    /// <inheritdoc />
    public override bool Mapped => set is not null;

    internal TValue Get(TEntity entity) => get(entity);

    internal override ScimError? Read(JsonObject resource, TEntity entity)
    {
        if (set is null)
        {
            return null;
        }

        var node = Path.Locate(resource);
        if (node is null)
        {
            set(entity, Absent);
            return null;
        }

        if (node is JsonValue value && TryConvert(value, out var converted))
        {
            set(entity, converted);
            return null;
        }

        return ScimError.InvalidValue($"{Path.Name} must be a {Path.Definition.Type.ToString().ToLowerInvariant()}; it is {node.GetValueKind()}.");
    }

    internal override bool HasValue(TEntity entity) => Mapped && Get(entity) is not null;

    // Mirrors HasValue: the stored document has the member when the client may write it and it is not null.
    internal override Expression? Shown(ParameterExpression entity) =>
        Mapped ? IsNotNull(ReplacingExpressionVisitor.Replace(Column.Parameters[0], entity, Column.Body)) : null;

    internal override void Write(Utf8JsonWriter json, TEntity entity)
    {
        if (Mapped && Get(entity) is { } value)
        {
            WriteValue(json, value);
        }
    }

    /// <summary>The column's value when the representation has none.</summary>
    private protected virtual TValue Absent => default!;

    private protected abstract bool TryConvert(JsonValue value, out TValue converted);

    /// <summary>Writes a mapped column's value as the document member of its attribute.</summary>
    private protected virtual void WriteValue(Utf8JsonWriter json, TValue value)
    {
    }

    private static Action<TEntity, TValue>? SetterOf(Expression<Func<TEntity, TValue>> column)
    {
        var body = column.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : column.Body;
        if (body is not MemberExpression { Member: PropertyInfo { SetMethod.IsPublic: true } property } member
            || member.Expression != column.Parameters[0])
        {
            return null;
        }

        // An absent value is written as null (or ""): a column that cannot hold what the expression's type can is a
        // declaration error, not a request's.
        if (!property.PropertyType.IsAssignableFrom(typeof(TValue)))
        {
            throw new InvalidOperationException(
                $"The catalogue reads {property.DeclaringType?.Name}.{property.Name} ({property.PropertyType.Name}) as {typeof(TValue).Name}; declare it with the column's own type.");
        }

        var value = Expression.Parameter(typeof(TValue), "value");
        return Expression.Lambda<Action<TEntity, TValue>>(Expression.Assign(member, value), column.Parameters[0], value).Compile();
    }
}

/// <summary>A string, reference or binary attribute (RFC 7643 §2.3.1, §2.3.6, §2.3.7) in a text column.</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class TextEntry<TEntity> : ColumnEntry<TEntity, string?>
{
    private readonly Expression<Func<TEntity, string?>>? normalized;

    internal TextEntry(CataloguePath path, Expression<Func<TEntity, string?>> column, Expression<Func<TEntity, string?>>? normalized)
        : base(path, column) => this.normalized = normalized;

    /// <summary>
    /// The column holding the lower-invariant copy a case-insensitive comparison uses (through an index), or null;
    /// used only when the attribute is not caseExact.
    /// </summary>
    public Expression<Func<TEntity, string?>>? Normalized => Path.Definition.CaseExact ? null : normalized;

    // A required attribute is present in every valid representation; the empty string keeps a non-null column so.
    private protected override string? Absent => Path.Definition.Required ? "" : null;

    internal override void AddTo(FilterAttributeMap<TEntity> map)
    {
        if (Path.Definition.Type == AttributeType.Binary)
        {
            map.Binary(Path.Name, Column);
        }
        else
        {
            // A required top-level attribute the client writes is refused blank on every write (userName, a group's
            // displayName), so every stored resource has it.
            var alwaysPresent = Path.Extension is null && Path.SubAttribute is null && Path.Definition.Required && Path.Definition.Mutability != Mutability.ReadOnly;
            map.String(Path.Name, Column, Path.Definition.CaseExact, Normalized, alwaysPresent);
        }
    }

    private protected override bool TryConvert(JsonValue value, out string? converted)
    {
        var ok = value.TryGetValue<string>(out var text);
        converted = text;
        return ok;
    }

    private protected override void WriteValue(Utf8JsonWriter json, string? value) => json.WriteString(Path.MemberName, value);

    internal override ScimError? CheckLength(TEntity entity, string prefix) =>
        Indexed ? IndexedText.Check((prefix + Path.Name, Get(entity))) : null;
}

/// <summary>A boolean attribute (RFC 7643 §2.3.2) in a nullable column: null when the representation has no value.</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class BooleanEntry<TEntity> : ColumnEntry<TEntity, bool?>
{
    internal BooleanEntry(CataloguePath path, Expression<Func<TEntity, bool?>> column)
        : base(path, column)
    {
    }

    internal override void AddTo(FilterAttributeMap<TEntity> map) => map.Boolean(Path.Name, Column);

    private protected override bool TryConvert(JsonValue value, out bool? converted)
    {
        var ok = value.TryGetValue<bool>(out var flag);
        converted = flag;
        return ok;
    }

    private protected override void WriteValue(Utf8JsonWriter json, bool? value) => json.WriteBoolean(Path.MemberName, value!.Value);
}

/// <summary>A dateTime attribute (RFC 7643 §2.3.5) kept by the server (<c>meta.created</c>, <c>meta.lastModified</c>).</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class DateTimeEntry<TEntity> : ColumnEntry<TEntity, DateTime>
{
    internal DateTimeEntry(CataloguePath path, Expression<Func<TEntity, DateTime>> column)
        : base(path, column)
    {
    }

    internal override void AddTo(FilterAttributeMap<TEntity> map) => map.DateTime(Path.Name, Column);

    private protected override bool TryConvert(JsonValue value, out DateTime converted) => value.TryGetValue(out converted);
}

/// <summary>
/// A resource id in a uuid column: the resource's own <c>id</c>, or a reference to another resource
/// (<c>manager.value</c>, <c>members.value</c>) that its slice resolves and checks itself before writing it.
/// Filters compare it exactly, as ids are caseExact (RFC 7643 §3.1).
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class IdEntry<TEntity> : CatalogueEntry<TEntity>
{
    private readonly LambdaExpression column;
    private readonly Action<FilterAttributeMap<TEntity>, string> register;

    internal IdEntry(CataloguePath path, LambdaExpression column, Action<FilterAttributeMap<TEntity>, string> register)
        : base(path)
    {
        this.column = column;
        this.register = register;
    }

    /// <inheritdoc />
    public override AttributeStorage Storage => AttributeStorage.Column;

    internal override void AddTo(FilterAttributeMap<TEntity> map) => register(map, Path.Name);

    // The renderers write a reference whenever its column has one (the manager's value, $ref and displayName).
    internal override Expression Shown(ParameterExpression entity) =>
        IsNotNull(ReplacingExpressionVisitor.Replace(column.Parameters[0], entity, column.Body));
}
