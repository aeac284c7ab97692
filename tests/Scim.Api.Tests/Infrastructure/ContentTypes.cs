namespace Scim.Api.Tests.Infrastructure;

/// <summary>The content types a SCIM body may come with; the server parses each as SCIM JSON.</summary>
public static class ContentTypes
{
    public static TheoryData<string> All => new()
    {
        "application/scim+json; charset=utf-8",
        "application/json",
        "application/scim+json",
        "application/json; charset=utf-8",
    };
}
