using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Application.Common.Journal;

/// <summary>
/// The names of the attributes a change set, changed or cleared, as the journal records them (names only, never
/// values): the top-level attributes whose value differs, and an extension's attributes qualified by its schema URN
/// (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c>, RFC 7644 §3.10).
/// </summary>
internal static class ChangedAttributes
{
    // What the server assigns or derives: never changed by a request.
    private static readonly HashSet<string> Derived = new(StringComparer.OrdinalIgnoreCase) { "schemas", "id", "meta", "groups" };

    /// <summary>
    /// The attributes whose values differ between <paramref name="before"/> (null for a creation: every attribute
    /// <paramref name="after"/> has) and <paramref name="after"/>, both in the canonical form the server renders, followed
    /// by those of <paramref name="also"/> that are not null; comma-separated, or null when there are none.
    /// </summary>
    public static string? Between(JsonObject? before, JsonObject after, params ReadOnlySpan<string?> also)
    {
        var names = new List<string>();
        Compare(before, after, urn: null, names);
        foreach (var name in also)
        {
            Add(names, name);
        }

        return names.Count == 0 ? null : string.Join(',', names);
    }

    /// <summary>True when <paramref name="after"/> has <c>active</c> false and <paramref name="before"/> did not: a deprovisioning.</summary>
    public static bool Deactivates(JsonObject? before, JsonObject after) =>
        IsFalse(after["active"]) && !IsFalse(before?["active"]);

    private static void Compare(JsonObject? before, JsonObject after, string? urn, List<string> names)
    {
        foreach (var (name, value) in after)
        {
            if (urn is null && Derived.Contains(name))
            {
                continue;
            }

            var previous = before?[name];
            if (urn is null && IsExtension(name, value))
            {
                Compare(previous as JsonObject, (JsonObject)value!, name, names);
            }
            else if (!JsonNode.DeepEquals(previous, value))
            {
                Add(names, Qualified(urn, name));
            }
        }

        // What `after` no longer has was cleared.
        foreach (var (name, value) in before ?? [])
        {
            if (after.ContainsKey(name) || (urn is null && Derived.Contains(name)) || value is null)
            {
                continue;
            }

            if (urn is null && IsExtension(name, value))
            {
                foreach (var (inner, _) in (JsonObject)value)
                {
                    Add(names, Qualified(name, inner));
                }
            }
            else
            {
                Add(names, Qualified(urn, name));
            }
        }
    }

    private static bool IsExtension(string name, JsonNode? value) =>
        value is JsonObject && name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase);

    private static string Qualified(string? urn, string name) => urn is null ? name : $"{urn}:{name}";

    private static bool IsFalse(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.False;

    private static void Add(List<string> names, string? name)
    {
        if (name is not null && !names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }
}
