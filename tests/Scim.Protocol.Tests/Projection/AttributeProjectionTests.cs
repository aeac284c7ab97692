using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;
using static Scim.Protocol.Tests.Patching.PatchKit;

namespace Scim.Protocol.Tests.Projection;

/// <summary>The <c>attributes</c> and <c>excludedAttributes</c> parameters (RFC 7644 §3.4.2.5, §3.9).</summary>
public class AttributeProjectionTests
{
    private const string Stored = $$$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Ent}}}"],"id":"u1","userName":"u1@example.com",
         "name":{"givenName":"Alex","familyName":"One"},"emails":[{"value":"u1@example.com","type":"work"},{"type":"home"}],
         "{{{Ent}}}":{"department":"R&D","manager":{"value":"m-1","displayName":"Boss"} } }
        """;

    [Theory]
    [InlineData("", "", Stored)]
    [InlineData(" , ", "", Stored)]
    [InlineData("nosuchattr", "", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"id":"u1"}""")]
    [InlineData("userName, emails.value", "", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"id":"u1",
         "userName":"u1@example.com","emails":[{"value":"u1@example.com"}]}
        """)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"id":"u1",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"m-1"}}}
        """)]
    [InlineData("userName,emails.value,emails", "", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"id":"u1",
         "userName":"u1@example.com","emails":[{"value":"u1@example.com","type":"work"},{"type":"home"}]}
        """)]
    [InlineData("", "id,schemas,userName,name.givenName,name.familyName,emails.type", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"id":"u1",
         "emails":[{"value":"u1@example.com"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D","manager":{"value":"m-1","displayName":"Boss"}}}
        """)]
    [InlineData("", "department,manager", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"id":"u1",
         "userName":"u1@example.com","name":{"givenName":"Alex","familyName":"One"},"emails":[{"value":"u1@example.com","type":"work"},{"type":"home"}]}
        """)]
    public void Apply_Parameters_KeepWhatTheyAskFor(string attributes, string excludedAttributes, string expected)
    {
        var projection = AttributeProjection.Parse([attributes], [excludedAttributes], ResourceTypeDefinition.User);

        AssertJson(expected, Project(projection, Stored));
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("members", "", true)]
    [InlineData("MEMBERS.value", "", true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members", "", true)]
    [InlineData("displayName", "", false)]
    [InlineData("nosuchattr", "", false)]
    [InlineData("", "members", false)]
    [InlineData("", "Members", false)]
    [InlineData("", "members.display", true)]
    public void Includes_Members_FollowsParameters(string attributes, string excludedAttributes, bool expected)
    {
        var projection = AttributeProjection.Parse([attributes], [excludedAttributes], ResourceTypeDefinition.Group);

        Assert.Equal(expected, projection.Includes("members"));
    }

    [Fact]
    public void Default_IncludesEverythingAndChangesNothing()
    {
        Assert.True(AttributeProjection.Default.Includes("members"));
        AssertJson(Stored, Project(AttributeProjection.Default, Stored));
    }
}
