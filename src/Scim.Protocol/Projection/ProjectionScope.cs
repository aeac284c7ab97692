using System.Text;

namespace Scim.Protocol.Projection;

/// <summary>
/// What an <see cref="AttributeProjection"/> keeps of the members of one JSON object of a resource (RFC 7644
/// §3.4.2.5): the resource itself (<see cref="AttributeProjection.Scope"/>), or a complex value inside it, such as
/// <c>name</c>, an element of <c>emails</c> or the enterprise extension object. A renderer asks it about each member
/// as it writes, so what is left out is never produced.
/// </summary>
/// <remarks>
/// <see cref="Member(string)"/> answers with one of three things: null (leave the member out), <see cref="All"/>
/// (write the member as it is, empty or not) or another scope (write only what that scope keeps inside the member;
/// a complex value, or an element of a multi-valued one, left with no members is omitted, and so is an array left with
/// no elements, as unassigned attributes are, RFC 7643 §2.5).
/// </remarks>
public sealed class ProjectionScope
{
    private readonly bool keepsUnnamed;
    private readonly Entry[] named;

    private ProjectionScope(bool keepsUnnamed, Entry[] named)
    {
        this.keepsUnnamed = keepsUnnamed;
        this.named = named;
    }

    /// <summary>The scope that keeps every member whole: the default attribute set, and anything named as a whole.</summary>
    public static ProjectionScope All { get; } = new(true, []);

    /// <summary>True for <see cref="All"/>: everything below is written as it is.</summary>
    public bool KeepsEverything => ReferenceEquals(this, All);

    /// <summary>What to write of member <paramref name="name"/> (compared case-insensitively, RFC 7643 §2.1).</summary>
    /// <param name="name">The member name, e.g. <c>emails</c> or an extension URN.</param>
    /// <returns>Null to leave the member out, <see cref="All"/> to write it whole, or the scope of what to keep inside it.</returns>
    public ProjectionScope? Member(string name)
    {
        foreach (var entry in named)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Inner;
            }
        }

        return keepsUnnamed ? All : null;
    }

    /// <summary>The same as <see cref="Member(string)"/> for a UTF-8 name, as a JSON reader yields it (unescaped).</summary>
    /// <param name="utf8Name">The member name in UTF-8.</param>
    /// <returns>Null to leave the member out, <see cref="All"/> to write it whole, or the scope of what to keep inside it.</returns>
    public ProjectionScope? Member(ReadOnlySpan<byte> utf8Name)
    {
        foreach (var entry in named)
        {
            // Attribute names are ASCII (RFC 7643 §2.1), so an ASCII case-insensitive comparison is the whole rule.
            if (Ascii.EqualsIgnoreCase(entry.Utf8Name, utf8Name))
            {
                return entry.Inner;
            }
        }

        return keepsUnnamed ? All : null;
    }

    /// <summary>
    /// Builds the scope at <paramref name="depth"/> from member-name chains (<c>["name", "givenName"]</c>): those to
    /// return (null = the default set) and those to leave out. The result is what applying <c>attributes</c> first
    /// and <c>excludedAttributes</c> second leaves, member by member.
    /// </summary>
    internal static ProjectionScope Build(IReadOnlyList<string[]>? included, IReadOnlyList<string[]> excluded, int depth)
    {
        if (included is null && excluded.Count == 0)
        {
            return All;
        }

        var names = (included ?? []).Concat(excluded).Select(chain => chain[depth]).Distinct(StringComparer.OrdinalIgnoreCase);
        var entries = names.Select(name => new Entry(name, Encoding.UTF8.GetBytes(name), Inner(name))).ToArray();
        return new ProjectionScope(included is null, entries);

        ProjectionScope? Inner(string name)
        {
            var keep = included?.Where(chain => Same(chain[depth], name)).ToList();
            var drop = excluded.Where(chain => Same(chain[depth], name)).ToList();
            if (keep is { Count: 0 } || drop.Any(chain => chain.Length == depth + 1))
            {
                return null;
            }

            // attributes named only parts of this member: keep those parts. Otherwise it is kept whole, less what
            // excludedAttributes names inside it.
            var keepParts = keep is not null && keep.All(chain => chain.Length > depth + 1);
            return !keepParts && drop.Count == 0 ? All : Build(keepParts ? keep : null, drop, depth + 1);
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed record Entry(string Name, byte[] Utf8Name, ProjectionScope? Inner);
}
