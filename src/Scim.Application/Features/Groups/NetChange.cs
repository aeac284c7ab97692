using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Scim.Domain.Groups;
using Scim.Filtering;
using Scim.Filtering.Translation;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>
/// The net effect of a request's member operations, folded in request order: whether the existing rows are all
/// removed, which existing ids and filters remove rows, and which ids are added. Each pending addition is also
/// subject to later removals, so the result equals applying the operations one by one.
/// </summary>
internal sealed class NetChange(IReadOnlyDictionary<Guid, MemberType> types)
{
    private readonly Dictionary<Guid, MemberType> added = [];
    private readonly HashSet<Guid> removed = [];
    private readonly List<Expression<Func<GroupMember, bool>>> removedWhere = [];

    /// <summary>True when every row that existed before the request goes (replace or clear).</summary>
    public bool ClearsExisting { get; private set; }

    /// <summary>Existing member ids to delete (when not <see cref="ClearsExisting"/>).</summary>
    public IEnumerable<Guid> Removed => removed;

    /// <summary>Filters selecting existing rows to delete (when not <see cref="ClearsExisting"/>).</summary>
    public IReadOnlyList<Expression<Func<GroupMember, bool>>> ExistingRemovedWhere => removedWhere;

    /// <summary>Ids to insert, with their type, unless already present.</summary>
    public IReadOnlyDictionary<Guid, MemberType> Added => added;

    /// <summary>Folds one operation in; fails only for a members filter that cannot be compiled.</summary>
    public ScimError? Fold(MemberOperation operation)
    {
        switch (operation)
        {
            case AddMembers add:
                foreach (var id in Ids(add.Members))
                {
                    added[id] = types[id];
                }

                break;
            case ReplaceMembers replace:
                Clear();
                foreach (var id in Ids(replace.Members))
                {
                    added[id] = types[id];
                }

                break;
            case ClearMembers:
                Clear();
                break;
            case RemoveMembers remove:
                // Ids that are not members (or not ids at all) are a successful no-op.
                foreach (var id in remove.Ids.Select(i => ScimId.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty))
                {
                    added.Remove(id);
                    removed.Add(id);
                }

                break;
            case RemoveMembersWhere where:
                Expression<Func<GroupMember, bool>> filter;
                try
                {
                    filter = FilterExpressionBuilder.Build(where.Filter, GroupCatalogue.MemberMap);
                }
                catch (ScimFilterException ex)
                {
                    return ScimError.InvalidPath($"members filter: {ex.Message}");
                }

                removedWhere.Add(filter);
                // Pending additions are not rows yet: the same filter, evaluated on their JSON form, removes them.
                foreach (var (id, type) in added.ToList())
                {
                    var member = new JsonObject { ["value"] = id.ToString(), ["type"] = type.ToString() };
                    if (ElementFilter.Matches(GroupSchema.Members, member, where.Filter))
                    {
                        added.Remove(id);
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"Unhandled member operation {operation.GetType().Name}.");
        }

        return null;
    }

    private void Clear()
    {
        ClearsExisting = true;
        added.Clear();
        removed.Clear();
        removedWhere.Clear();
    }

    private static IEnumerable<Guid> Ids(IReadOnlyList<MemberValue> members) => members.Select(m => ScimId.Parse(m.Value));
}
