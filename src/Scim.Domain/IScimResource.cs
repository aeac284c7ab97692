namespace Scim.Domain;

/// <summary>What every SCIM resource row has: its id, its organization and when it was created (the list order).</summary>
public interface IScimResource
{
    /// <summary>The server-assigned SCIM <c>id</c>.</summary>
    Guid Id { get; }

    /// <summary>The owning organization.</summary>
    Guid OrganizationId { get; }

    /// <summary>When the resource was created (UTC).</summary>
    DateTime CreatedUtc { get; }
}
