using System.Text.Json;
using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>The /Users flows through the generated client, as a consuming service would call them.</summary>
public sealed class UserClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    private static User NewUser(string userName) => new()
    {
        Schemas = [ScimSchemas.User, ScimSchemas.EnterpriseUser],
        UserName = userName,
        DisplayName = "Ann Example",
        Active = true,
        Name = new Name { GivenName = "Ann", FamilyName = "Example" },
        Emails = [new MultiValue { Value = userName, Type = "work", Primary = true }],
        Enterprise = new EnterpriseUser { EmployeeNumber = "E-100", Department = "Research" },
    };

    [Fact]
    public async Task Create_get_and_filter_by_userName()
    {
        var client = await fixture.CreateClientAsync();

        var created = await client.CreateUserAsync(NewUser("ann@example.com"));

        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.Equal("User", created.Meta?.ResourceType);
        Assert.EndsWith($"/Users/{created.Id}", created.Meta?.Location, StringComparison.Ordinal);

        var fetched = await client.GetUserAsync(created.Id!);
        Assert.Equal("ann@example.com", fetched.UserName);
        Assert.Equal("Ann", fetched.Name?.GivenName);
        Assert.Equal("E-100", fetched.Enterprise?.EmployeeNumber);
        Assert.Equal("Research", fetched.Enterprise?.Department);

        var found = await client.ListUsersAsync(filter: "userName eq \"ANN@example.com\"");
        Assert.Equal(1, found.TotalResults);
        Assert.Equal(created.Id, Assert.Single(found.Resources).Id);

        var searched = await client.SearchUsersAsync(new SearchRequest { Schemas = [ScimSchemas.SearchRequest], Filter = "userName eq \"nobody@example.com\"" });
        Assert.Equal(0, searched.TotalResults);
    }

    [Fact]
    public async Task Writes_answer_with_the_attributes_asked_for()
    {
        var client = await fixture.CreateClientAsync();
        using var cancellation = new CancellationTokenSource();

        var created = await client.CreateUserAsync(NewUser("cleo@example.com"), attributes: "userName");
        var patched = await client.PatchUserAsync(
            created.Id!, PatchOperations.Request(PatchOperations.Replace("displayName", "Cleo")), excludedAttributes: "emails,name");
        var whole = await client.CreateUserAsync(NewUser("dan@example.com"), cancellation.Token);

        Assert.Equal("cleo@example.com", created.UserName);
        Assert.Null(created.DisplayName);
        Assert.Null(created.Meta);
        Assert.Equal("Cleo", patched.DisplayName);
        Assert.Null(patched.Emails);
        Assert.Null(patched.Name);
        Assert.Equal("Ann", whole.Name?.GivenName);
    }

    [Fact]
    public async Task Patch_with_a_path_and_path_less_with_dotted_keys()
    {
        var client = await fixture.CreateClientAsync();
        var id = (await client.CreateUserAsync(NewUser("bob@example.com"))).Id!;

        var patched = await client.PatchUserAsync(id, PatchOperations.Request(PatchOperations.Replace("displayName", "Bob Builder")));
        Assert.Equal("Bob Builder", patched.DisplayName);

        // Microsoft Entra's shape: a path-less replace whose keys are attribute paths.
        await client.PatchUserAsync(id, PatchOperations.Request(PatchOperations.Replace(new Dictionary<string, object?>
        {
            ["name.givenName"] = "Robert",
            [$"{ScimSchemas.EnterpriseUser}:department"] = "Construction",
            ["active"] = false,
        })));

        var fetched = await client.GetUserAsync(id);
        Assert.Equal("Robert", fetched.Name?.GivenName);
        Assert.Equal("Construction", fetched.Enterprise?.Department);
        Assert.False(fetched.Active);

        await client.PatchUserAsync(id, PatchOperations.Request(PatchOperations.Remove("displayName")));
        Assert.Null((await client.GetUserAsync(id)).DisplayName);
    }

    [Fact]
    public async Task Put_replaces_and_delete_removes()
    {
        var client = await fixture.CreateClientAsync();
        var id = (await client.CreateUserAsync(NewUser("carol@example.com"))).Id!;

        var replacement = NewUser("carol@example.com");
        replacement.DisplayName = "Carol Replaced";
        replacement.Enterprise = null;
        var replaced = await client.ReplaceUserAsync(id, replacement);

        Assert.Equal("Carol Replaced", replaced.DisplayName);
        Assert.Null(replaced.Enterprise);

        await client.DeleteUserAsync(id);
        var missing = await Assert.ThrowsAsync<ScimException<Error>>(() => client.GetUserAsync(id));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Errors_are_scim_exceptions_with_status_and_scimType()
    {
        var client = await fixture.CreateClientAsync();
        await client.CreateUserAsync(NewUser("dave@example.com"));

        ScimException notFound = await Assert.ThrowsAnyAsync<ScimException>(() => client.GetUserAsync(Guid.NewGuid().ToString()));
        Assert.Equal(404, notFound.Status);
        Assert.False(string.IsNullOrEmpty(notFound.Detail));

        ScimException taken = await Assert.ThrowsAnyAsync<ScimException>(() => client.CreateUserAsync(NewUser("DAVE@example.com")));
        Assert.Equal(409, taken.Status);
        Assert.Equal("uniqueness", taken.ScimType);

        ScimException invalidFilter = await Assert.ThrowsAnyAsync<ScimException>(() => client.ListUsersAsync(filter: "userName eq"));
        Assert.Equal(400, invalidFilter.Status);
        Assert.Equal("invalidFilter", invalidFilter.ScimType);
        Assert.Contains("invalidFilter", invalidFilter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_extension_attributes_are_accepted_and_kept_by_the_client_model()
    {
        var client = await fixture.CreateClientAsync();
        const string customSchema = "urn:example:params:scim:schemas:extension:custom:2.0:User";
        var user = NewUser("erin@example.com");
        user.AdditionalProperties[customSchema] = new Dictionary<string, object?> { ["badge"] = "B-7" };

        // The server accepts attributes of schemas it does not publish (and ignores them).
        var created = await client.CreateUserAsync(user);
        Assert.Equal("E-100", created.Enterprise?.EmployeeNumber);

        // The client model keeps what it does not know and writes it back unchanged.
        var json = "{\"userName\":\"x\",\"" + customSchema + "\":{\"badge\":\"B-7\"}}";
        var read = JsonSerializer.Deserialize<User>(json)!;
        Assert.True(read.AdditionalProperties.ContainsKey(customSchema));
        var written = JsonSerializer.SerializeToElement(read);
        Assert.Equal("B-7", written.GetProperty(customSchema).GetProperty("badge").GetString());
    }
}
