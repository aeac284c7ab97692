namespace Scim.Seeder.Generation;

/// <summary>One generated user, shaped like what Microsoft Entra ID provisions with its default mappings.</summary>
internal sealed class SeedUser
{
    public required int Index { get; init; }

    /// <summary>The deterministic SCIM id (used by the database path; the API path gets the server's).</summary>
    public required Guid Id { get; init; }

    /// <summary>The UPN, e.g. <c>Adele.Vance@contoso.com</c>.</summary>
    public required string UserName { get; init; }

    /// <summary>Entra's default <c>mailNickname → externalId</c>.</summary>
    public required string ExternalId { get; init; }

    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required string DisplayName { get; init; }
    public required string Title { get; init; }
    public required string Department { get; init; }
    public required string EmployeeNumber { get; init; }
    public required string PreferredLanguage { get; init; }
    public required string Timezone { get; init; }

    /// <summary>The manager's index, always lower than <see cref="Index"/>; null for the top of the organization.</summary>
    public int? ManagerIndex { get; init; }

    /// <summary>The manager's deterministic id (<see cref="Id"/> of the user at <see cref="ManagerIndex"/>); null for the top.</summary>
    public Guid? ManagerId { get; init; }

    public required string WorkEmail { get; init; }
    public string? OtherEmail { get; init; }
    public required string WorkPhone { get; init; }
    public string? MobilePhone { get; init; }
    public required Office Office { get; init; }
    public required DateTime CreatedUtc { get; init; }
}

/// <summary>One generated group (team).</summary>
internal sealed class SeedGroup
{
    public required int Index { get; init; }
    public required Guid Id { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Entra's default <c>objectId → externalId</c>.</summary>
    public required string ExternalId { get; init; }

    /// <summary>How many members it gets.</summary>
    public required int Size { get; init; }

    public required DateTime CreatedUtc { get; init; }
}
