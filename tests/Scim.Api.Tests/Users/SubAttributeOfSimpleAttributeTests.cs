using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// A path that selects a sub-attribute of a simple attribute (<c>userName.x</c>, <c>active.value</c>,
/// <c>emails.value.x</c>) names nothing a schema can have (RFC 7644 §3.5.2, §3.4.2.2): 400 invalidPath as a PATCH
/// path, with nothing applied, and 400 invalidFilter as a filter attribute.
/// </summary>
public sealed class SubAttributeOfSimpleAttributeTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("userName.x")]
    [InlineData("active.value")]
    [InlineData("emails.value.x")]
    [InlineData("emails[type eq \\\"work\\\"].value.x")]
    [InlineData("name.givenName.x")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department.x")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:title.x")]
    public async Task PatchPath_Is400InvalidPathAndAppliesNothing(string path)
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Changed"},{"op":"replace","path":"{{path}}","value":"x"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        await f.Client.AssertReadsBackAsync($"Users/{f.U1}", before);
    }

    [Theory]
    [InlineData("userName.x eq \"a\"")]
    [InlineData("active.value eq true")]
    [InlineData("emails.value.x eq \"a\"")]
    [InlineData("name.givenName.x pr")]
    public async Task FilterAttribute_Is400InvalidFilter(string filter)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }
}
