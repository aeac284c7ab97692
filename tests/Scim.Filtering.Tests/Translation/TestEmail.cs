namespace Scim.Filtering.Tests.Translation;

/// <summary>One element of a user's multi-valued <c>emails</c> attribute.</summary>
public sealed class TestEmail
{
    public int Id { get; set; }

    public Guid UserId { get; set; }

    public string? Value { get; set; }

    /// <summary>Value.ToLowerInvariant().</summary>
    public string? ValueNormalized { get; set; }

    public string? Type { get; set; }

    public bool Primary { get; set; }
}
