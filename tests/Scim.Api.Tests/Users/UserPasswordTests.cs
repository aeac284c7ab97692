using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common.Persistence;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// A User's <c>password</c> (RFC 7643 §4.1.1: writeOnly, returned never) on POST, PUT and PATCH, under each value of
/// <c>Scim:Users:Password</c>: <c>ignore</c> (the default) accepts and drops it, <c>hash</c> stores a PBKDF2 hash,
/// <c>reject</c> answers 400 invalidValue and changes nothing. No answer ever carries it; an unknown value stops the
/// server at start-up.
/// </summary>
public sealed class UserPasswordTests
{
    // As Okta creates users: a placeholder password with every create.
    private const string OktaCreate = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
         "name":{"givenName":"Test","familyName":"User"},"displayName":"Test User","active":true,"groups":[],
         "password":"1mz050nq"}
        """;

    private const string Put = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
         "displayName":"Test User (PUT)","active":true,"password":"9xk2m4pq"}
        """;

    private const string PatchPathless = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"password":"7hq3n8rt"}}]}
        """;

    private const string PatchWithPath = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"password","value":"5tw9c2ze"}]}
        """;

    [Fact]
    public async Task Password_Ignore_Default_AcceptedOnEveryWrite_NeverReturned_NeverStored()
    {
        await using var factory = new ScimApiFactory();
        var client = await factory.CreateScimClientAsync();

        var created = await (await client.PostJsonAsync("Users", OktaCreate)).ReadScimAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        AssertNoPassword(created);
        AssertNoPassword(await (await client.PutJsonAsync($"Users/{id}", Put)).ReadScimAsync(HttpStatusCode.OK));
        var before = await client.GetScimAsync($"Users/{id}");
        AssertNoPassword(await client.PatchUserOkAsync(id, PatchPathless));
        AssertNoPassword(await client.PatchUserOkAsync(id, PatchWithPath));

        // A PATCH of nothing but an ignored password changes nothing, lastModified included.
        var after = await client.GetScimAsync($"Users/{id}");
        Assert.True(JsonNode.DeepEquals(before, after), $"before {before}\nafter {after}");
        AssertNoPassword(after);
        AssertNoPassword((await client.GetListAsync("Users?filter=userName eq \"test.user@okta.local\"")).Resources().Single());
        Assert.Null(await StoredHashAsync(factory, id));
    }

    [Fact]
    public async Task Password_Hash_StoredAsPbkdf2Hash_ReplacedByPutAndPatch_NeverReturned()
    {
        await using var factory = new ScimApiFactory { PasswordHandling = "hash" };
        var client = await factory.CreateScimClientAsync();

        var created = await (await client.PostJsonAsync("Users", OktaCreate)).ReadScimAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        AssertNoPassword(created);
        var first = await StoredHashAsync(factory, id);
        Assert.StartsWith("pbkdf2-sha256$100000$", first, StringComparison.Ordinal);
        Assert.DoesNotContain("1mz050nq", first, StringComparison.Ordinal);

        // A PUT without a password keeps the stored hash; with one it replaces it, as a PATCH of it does.
        AssertNoPassword(await (await client.PutJsonAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local","active":true}
            """)).ReadScimAsync(HttpStatusCode.OK));
        Assert.Equal(first, await StoredHashAsync(factory, id));
        AssertNoPassword(await (await client.PutJsonAsync($"Users/{id}", Put)).ReadScimAsync(HttpStatusCode.OK));
        var second = await StoredHashAsync(factory, id);
        AssertNoPassword(await client.PatchUserOkAsync(id, PatchPathless));
        var third = await StoredHashAsync(factory, id);
        AssertNoPassword(await client.PatchUserOkAsync(id, PatchWithPath));
        var fourth = await StoredHashAsync(factory, id);

        Assert.Equal(4, new[] { first, second, third, fourth }.Distinct(StringComparer.Ordinal).Count());
        Assert.All(new[] { second, third, fourth }, hash => Assert.StartsWith("pbkdf2-sha256$100000$", hash, StringComparison.Ordinal));
        AssertNoPassword(await client.GetScimAsync($"Users/{id}"));
    }

    [Fact]
    public async Task Password_Hash_RemovedByPatch_StoredHashGoes()
    {
        await using var factory = new ScimApiFactory { PasswordHandling = "hash" };
        var client = await factory.CreateScimClientAsync();
        var id = (await (await client.PostJsonAsync("Users", OktaCreate)).ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.StartsWith("pbkdf2-sha256$", await StoredHashAsync(factory, id), StringComparison.Ordinal);

        AssertNoPassword(await client.PatchUserOkAsync(id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"password"}]}
            """));

        Assert.True(string.IsNullOrEmpty(await StoredHashAsync(factory, id)));
    }

    [Fact]
    public async Task Password_Reject_PostPutPatchWithPassword_400InvalidValue_NothingChanges()
    {
        await using var factory = new ScimApiFactory { PasswordHandling = "reject" };
        var client = await factory.CreateScimClientAsync();

        var refused = await (await client.PostJsonAsync("Users", OktaCreate)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("password", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("single sign-on", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetListAsync("Users?filter=userName eq \"test.user@okta.local\"")).TotalResults());

        var id = await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local","displayName":"Test User"}
            """);
        var before = await client.GetScimAsync($"Users/{id}");
        await (await client.PutJsonAsync($"Users/{id}", Put)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await client.PatchJsonAsync($"Users/{id}", PatchPathless)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await client.PatchJsonAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","path":"displayName","value":"Renamed"},{"op":"replace","path":"password","value":"5tw9c2ze"}]}
            """)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        await client.AssertReadsBackAsync($"Users/{id}", before);
        Assert.Null(await StoredHashAsync(factory, id));
    }

    private static void AssertNoPassword(JsonObject user) =>
        Assert.DoesNotContain(user, p => string.Equals(p.Key, "password", StringComparison.OrdinalIgnoreCase));

    // What the server stored, read from its database: the hash is the one effect of the setting no answer shows.
    private static async Task<string?> StoredHashAsync(ScimApiFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IScimDbContext>();
        var userId = Guid.Parse(id);
        return await db.Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync();
    }
}
