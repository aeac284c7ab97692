using System.Text.Json.Nodes;

namespace Scim.IdpReplay;

/// <summary>
/// One user as a provider that compares whole profiles knows it (Okta, JumpCloud): the attributes it last sent, which
/// every read must return, and the server's id, which it stores once the create or a lookup has returned it.
/// </summary>
/// <param name="index">1-based position in the run; fixed roles go by it.</param>
/// <param name="profile">The attributes as sent, without <c>schemas</c>, <c>groups</c>, <c>meta</c> or <c>password</c>.</param>
internal sealed class ReplayUser(int index, JsonObject profile)
{
    public int Index { get; } = index;

    public JsonObject Profile { get; } = profile;

    public string UserName => Profile["userName"]!.GetValue<string>();

    public bool Active => Profile["active"]?.GetValue<bool>() ?? true;

    /// <summary>The server-assigned id; null when the create failed (later steps then skip the user).</summary>
    public string? Id { get; set; }

    public bool Deleted { get; set; }

    public bool Exists => Id is not null && !Deleted;

    /// <summary>Takes the attributes of a body the provider sent (PUT, PATCH) into the profile.</summary>
    public void Remember(JsonObject sent)
    {
        foreach (var (name, value) in sent.Where(p => p.Key is not ("schemas" or "id" or "meta" or "groups" or "password")))
        {
            Profile[name] = value?.DeepClone();
        }
    }
}

/// <summary>One pushed group as the provider knows it: name and members (id → the display it sends).</summary>
internal sealed class ReplayGroup(int index, string displayName)
{
    public int Index { get; } = index;

    public string DisplayName { get; set; } = displayName;

    public Dictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

    public string? Id { get; set; }

    public bool Deleted { get; set; }

    public bool Exists => Id is not null && !Deleted;

    /// <summary>Makes <paramref name="users"/> the members, as a full push or a PUT does.</summary>
    public void SetMembers(IEnumerable<ReplayUser> users)
    {
        Members.Clear();
        AddMembers(users);
    }

    public void AddMembers(IEnumerable<ReplayUser> users)
    {
        foreach (var user in users)
        {
            Members[user.Id!] = user.UserName;
        }
    }
}
