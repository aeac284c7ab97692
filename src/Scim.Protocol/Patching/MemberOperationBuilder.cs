using System.Text.Json.Nodes;
using Scim.Filtering.Ast;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// Translates PATCH operations on an external attribute (group <c>members</c>) into <see cref="MemberOperation"/>s,
/// covering Entra's legacy and <c>aadOptscim062020</c> shapes (RFC 7644 §3.5.2). Element shapes are
/// validated here (each an object with a non-empty string <c>value</c>, else 400 <c>invalidValue</c>); whether the ids
/// exist is the caller's check.
/// </summary>
internal static class MemberOperationBuilder
{
    /// <summary>Builds the member operation for <paramref name="op"/> (lower-case) on <paramref name="target"/>.</summary>
    public static Result<MemberOperation?> Build(string op, PatchTarget target, JsonNode? value, ValueCoercer coercer)
    {
        var attribute = target.Attribute!;
        if (target.SubAttribute is not null || (target.Filter is not null && op != PatchEngine.Remove))
        {
            // A sub-attribute path, or a filter that picks members to add to or replace, changes members in place.
            return ScimError.Mutability(
                $"'{target.Path}': a member's value and type are immutable and its display and $ref are set by the server "
                + $"(RFC 7643 §4.2), so {attribute.Name} takes add and replace of whole members, and remove by value list or filter.");
        }

        if (op == PatchEngine.Remove)
        {
            if (target.Filter is not null)
            {
                var ids = new List<string>();
                return CollectValueEquals(target.Filter, ids) ? new RemoveMembers(ids) : new RemoveMembersWhere(target.Filter);
            }

            if (value is null)
            {
                return new ClearMembers();
            }
        }

        var members = ReadMembers(attribute, value, target.Path, coercer);
        if (!members.IsSuccess)
        {
            return members.Error;
        }

        return op switch
        {
            PatchEngine.Add when members.Value!.Count == 0 => (MemberOperation?)null,
            PatchEngine.Add => new AddMembers(members.Value!),
            PatchEngine.Replace => new ReplaceMembers(members.Value!),
            _ => new RemoveMembers(members.Value!.Select(m => m.Value).ToList()),
        };
    }

    private static Result<IReadOnlyList<MemberValue>> ReadMembers(AttributeDefinition attribute, JsonNode? value, string path, ValueCoercer coercer)
    {
        var coerced = coercer.Coerce(attribute, value, path);
        if (!coerced.IsSuccess)
        {
            return coerced.Error;
        }

        var members = new List<MemberValue>();
        foreach (var element in (coerced.Value as JsonArray) ?? [])
        {
            members.Add(new MemberValue((string)element!["value"]!, (string?)element["type"]));
        }

        return members;
    }

    /// <summary>True when <paramref name="filter"/> is <c>value eq "id"</c> or an <c>or</c>-chain of those; collects the ids.</summary>
    private static bool CollectValueEquals(FilterNode filter, List<string> ids)
    {
        switch (filter)
        {
            case LogicalFilter { Operator: LogicalOperator.Or } or:
                return CollectValueEquals(or.Left, ids) && CollectValueEquals(or.Right, ids);
            case ComparisonFilter { Operator: ComparisonOperator.Eq, Path: { SchemaUri: null, SubAttributeName: null } path, Value.Value: string id }
                when string.Equals(path.AttributeName, "value", StringComparison.OrdinalIgnoreCase):
                ids.Add(id);
                return true;
            default:
                return false;
        }
    }
}
