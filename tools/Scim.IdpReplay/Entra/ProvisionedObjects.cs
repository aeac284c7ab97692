using System.Globalization;

namespace Scim.IdpReplay.Entra;

/// <summary>What the cycle believes one user looks like on the server (Entra's side of the comparison: Entra re-sends every attribute whose GET value differs).</summary>
internal sealed class UserModel
{
    public UserModel(int index, string runId)
    {
        Index = index;
        ExternalId = $"user{index}.{runId}";
        UserName = $"{ExternalId}@contoso.example";
        // One non-ASCII given name checks that values round-trip exactly: the server stores values as sent.
        GivenName = index == 3 ? "Zoë" : $"Given{index}";
        FamilyName = $"Family-{runId}";
        DisplayName = $"{GivenName} {FamilyName}";
        Email = UserName;
        EmployeeNumber = string.Create(CultureInfo.InvariantCulture, $"E-{runId}-{index:0000}");
        Department = (index % 3) switch { 0 => "Research", 1 => "Sales", _ => "Operations" };
        // A few users carry explicit nulls, as older Entra traffic does for unset attributes; they have no title, address or phones.
        SentNulls = index % 10 == 5;
        Title = SentNulls ? null : "Engineer";
        Locality = SentNulls ? null : "Springfield";
        MobilePhone = SentNulls ? null : string.Create(CultureInfo.InvariantCulture, $"+1 (555) 010-{index:0000}");
    }

    public int Index { get; }
    public string UserName { get; }
    public string ExternalId { get; }
    public bool SentNulls { get; }
    public string GivenName { get; set; }
    public string FamilyName { get; set; }
    public string DisplayName { get; set; }
    public string Email { get; set; }
    public string? Title { get; }
    public string Department { get; set; }
    public string EmployeeNumber { get; set; }
    public string? Locality { get; set; }
    public string? MobilePhone { get; }
    public bool Active { get; set; } = true;
    public string? ManagerId { get; set; }
    public bool Deleted { get; set; }

    /// <summary>The server-assigned id; null when the create failed (later steps then skip the user).</summary>
    public string? Id { get; set; }

    public bool Exists => Id is not null && !Deleted;
}

/// <summary>What the cycle believes one group looks like on the server.</summary>
internal sealed class GroupModel(int index, string runId, EntraDialect dialect)
{
    public int Index { get; } = index;
    public EntraDialect Dialect { get; } = dialect;
    public string DisplayName { get; set; } = $"Group {index} {runId}";
    public string ExternalId { get; } = Guid.NewGuid().ToString();
    public HashSet<string> MemberIds { get; } = new(StringComparer.Ordinal);
    public string? Id { get; set; }
    public bool Deleted { get; set; }
    public bool Exists => Id is not null && !Deleted;
}
