using System.Linq.Expressions;
using Scim.Application.Common.Catalogue;
using Scim.Domain;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Resources;

/// <summary>The sort keys a list may be ordered by: the catalogue's sortable attributes, or the server's own order.</summary>
internal static class SortKeys
{
    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>The name of the creation order (<c>meta.created</c>, then id), in which resources move only when others are created or deleted.</summary>
    public const string CreationOrder = "meta.created";

    /// <summary>The order when the client names none: creation time, then id (the order of the (organization, created, id) index).</summary>
    public static SortKey<T> Default<T>()
        where T : class, IScimResource => new SortKey<T, DateTime>(CreationOrder, r => r.CreatedUtc, nullable: false);

    /// <summary>
    /// The sort key of <paramref name="sortBy"/> (RFC 7644 §3.4.2.3), resolved as every attribute path is
    /// (<see cref="AttributePathResolver"/>: any case, URN-qualified or not). A case-insensitive attribute (caseExact
    /// false) sorts by its lower-invariant value, through its normalized column where it has one.
    /// </summary>
    /// <returns>The key, or 400 <c>invalidValue</c> when the path names no attribute or one that is not sortable (the detail lists those that are).</returns>
    public static Result<SortKey<T>> Resolve<T>(string sortBy, AttributeCatalogue<T> catalogue, ResourceTypeDefinition type)
        where T : class, IScimResource
    {
        var resolved = AttributePathResolver.Resolve(sortBy, type);
        var reference = resolved.IsSuccess ? resolved.Value : null;
        var entry = reference is null
            ? null
            : catalogue.Entries.FirstOrDefault(e => e.Path.Attribute == reference.Attribute
                && (e.Path.SubAttribute == reference.SubAttribute || e.Storage == AttributeStorage.Rows));
        if (entry is null)
        {
            return ScimError.InvalidValue(reference is null
                ? $"sortBy '{sortBy}' names no attribute of a {type.Name}. {Sortable(catalogue)}"
                : $"sortBy '{sortBy}' cannot be sorted on. {Sortable(catalogue)}");
        }

        if (entry is TextEntry<T> { Sortable: true } text)
        {
            var definition = entry.Path.Definition;
            var key = text.Normalized ?? (definition.CaseExact
                ? text.Column
                : Expression.Lambda<Func<T, string?>>(Expression.Call(text.Column.Body, ToLower), text.Column.Parameters));

            // The server keeps a server-unique attribute unique as this key compares it (its normalized copy, or the value
            // itself when case-exact), through a unique index on the organization and the key.
            var unique = definition.Uniqueness == Uniqueness.Server && (text.Normalized is not null || definition.CaseExact);
            return new SortKey<T, string?>(entry.Path.Name, key, nullable: !definition.Required, unique);
        }

        if (entry is { Storage: AttributeStorage.Rows } && reference!.SubAttribute is { } sub && entry.SortKey(sub) is { } first)
        {
            return new SortKey<T, string?>($"{entry.Path.Name}.{sub.Name}", first, nullable: true);
        }

        if (entry is DateTimeEntry<T> { Sortable: true } time)
        {
            return new SortKey<T, DateTime>(entry.Path.Name, time.Column, nullable: false);
        }

        return ScimError.InvalidValue($"sortBy '{sortBy}' cannot be sorted on. {Sortable(catalogue)}");
    }

    private static string Sortable<T>(AttributeCatalogue<T> catalogue) =>
        "Sortable attributes: " + string.Join(", ", catalogue.Entries.SelectMany(SortableNames)) + ".";

    private static IEnumerable<string> SortableNames<T>(CatalogueEntry<T> entry) =>
        entry.Sortable ? [entry.Path.Name]
        : entry.Storage == AttributeStorage.Rows
            ? entry.Path.Attribute.SubAttributes.Where(s => entry.SortKey(s) is not null).Select(s => $"{entry.Path.Name}.{s.Name}")
            : [];
}
