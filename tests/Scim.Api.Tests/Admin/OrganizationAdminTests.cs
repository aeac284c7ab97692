using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Journal;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// The organizations of the administration API: created, listed and renamed by the operator, read by the operator or the
/// organization's admin key, each change journaled with who made it; bad input answered 400 with a SCIM error.
/// </summary>
public sealed class OrganizationAdminTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Create_AsOperator_Returns201WithTheOrganizationAndWhatToPasteIntoEntraAndOkta()
    {
        using var regional = new ScimApiFactory
        {
            PathBase = "/scim/v2",
            Settings = new Dictionary<string, string> { ["Scim:Region"] = "eu", ["Scim:PublicBaseUrl"] = "https://scim.eu.example.com/" },
        };
        var client = regional.AdminClient(regional.ConfigureOperator());

        var response = await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", """{"name":"  Contoso  "}""");

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        Assert.Equal($"/admin/organizations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Contoso", created["name"]!.GetValue<string>());
        Assert.True(DateTime.Parse(created["created"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTime.UnixEpoch);
        Assert.Equal("eu", created["region"]!.GetValue<string>());
        Assert.Equal("https://scim.eu.example.com/scim/v2", created["scimBaseUrl"]!.GetValue<string>());
        Assert.Equal("https://scim.eu.example.com/scim/v2/?aadOptscim062020", created["entraTenantUrl"]!.GetValue<string>());
        Assert.Equal("https://scim.eu.example.com/scim/v2", created["oktaBaseUrl"]!.GetValue<string>());
        Assert.Equal(created.ToJsonString(), (await (await client.GetAsync($"/admin/organizations/{id}")).ReadJsonAsync(HttpStatusCode.OK)).ToJsonString());
    }

    [Fact]
    public async Task Create_WithoutPublicBaseUrl_TakesTheAddressesFromTheRequest()
    {
        var created = await factory.AdminClient(factory.ConfigureOperator()).CreateOrganizationAsync($"org-{Guid.NewGuid():N}");

        Assert.False(created.ContainsKey("region"));
        Assert.Equal("http://localhost", created["scimBaseUrl"]!.GetValue<string>());
        Assert.Equal("http://localhost/?aadOptscim062020", created["entraTenantUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://scim.eu.example.com/?tenant=eu", "has a query, which the addresses built from it could not carry")]
    [InlineData("https://scim.eu.example.com/scim#eu", "has a fragment, which the addresses built from it could not carry")]
    [InlineData("ftp://scim.eu.example.com", "has the scheme 'ftp', not http or https")]
    [InlineData("/scim/v2", "is not an absolute URL")]
    [InlineData("scim.eu.example.com", "is not an absolute URL")]
    [InlineData("https://admin:secret@scim.eu.example.com", "carries user information, which would be copied into every address the server hands out")]
    public async Task PublicBaseUrl_OtherThanAPlainHttpAddress_StopsTheServerAtStart_InOneLineNamingTheSetting(string value, string problem)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-test-{Guid.NewGuid():N}.db");
        await using var misconfigured = ScimServer.Launch($"Data Source={path}", new Dictionary<string, string>
        {
            ["Scim__Database__Provider"] = "sqlite",
            ["Scim__PublicBaseUrl"] = value,
        });

        Assert.Equal(1, await misconfigured.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Equal(
            $"Scim:PublicBaseUrl '{value}' {problem}; set it to the address identity providers reach this deployment at, "
            + "such as https://scim.eu.example.com (a reverse proxy's path may follow), or leave it empty.",
            misconfigured.Output.Trim());
        Assert.False(File.Exists(path), "The server touched the database before it checked its settings.");
    }

    [Theory]
    [InlineData("""{"name":""}""", "invalidValue", "non-empty 'name'")]
    [InlineData("""{"name":"   "}""", "invalidValue", "non-empty 'name'")]
    [InlineData("""{}""", "invalidValue", "non-empty 'name'")]
    [InlineData("""{"name":42}""", "invalidSyntax", "'$.name'")]
    [InlineData("""{"name":""", "invalidSyntax", "")]
    [InlineData("""["Contoso"]""", "invalidSyntax", "")]
    [InlineData("""{"name":"Contoso\u001b]0;owned\u0007"}""", "invalidValue", "An organization's name may not contain U+001B (a control character)")]
    [InlineData("""{"name":"Contoso\u202Edtl"}""", "invalidValue", "An organization's name may not contain U+202E (an invisible formatting character)")]
    [InlineData("""{"name":"Con\u200Btoso"}""", "invalidValue", "may not contain U+200B (an invisible formatting character)")]
    [InlineData("""{"name":"Contoso\nFabrikam"}""", "invalidValue", "may not contain U+000A (a control character)")]
    [InlineData("""{"name":"Contoso\n"}""", "invalidValue", "may not contain U+000A (a control character)")]
    [InlineData("""{"name":"Contoso\u0085"}""", "invalidValue", "may not contain U+0085 (a control character)")]
    [InlineData("""{"name":"Contoso\u2029"}""", "invalidValue", "may not contain U+2029 (a paragraph separator)")]
    public async Task Create_BadBody_Is400WithAScimError_AndCreatesNothing(string body, string scimType, string detail)
    {
        // The tests of a class run one at a time: nothing else creates an organization meanwhile.
        var client = factory.AdminClient(factory.ConfigureOperator());
        var before = await CountOrganizationsAsync(client);

        var error = await (await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);

        Assert.Contains(detail, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await CountOrganizationsAsync(client));
    }

    [Fact]
    public async Task RenameToUnprintableName_Is400NamingTheCharacter_AndTheNameStays()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        var created = await client.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var uri = $"/admin/organizations/{created["id"]}";

        var error = await (await client.SendJsonAsync(HttpMethod.Put, uri, """{"name":"Evil\u001b[2J"}""")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        Assert.StartsWith("An organization's name may not contain U+001B (a control character)", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(created["name"]!.GetValue<string>(), (await (await client.GetAsync(uri)).ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_NameTooLong_Is400_AndATakenName_409WhateverItsCase()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        var name = $"Org-{Guid.NewGuid():N}";
        await client.CreateOrganizationAsync(name);

        var tooLong = await (await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", new JsonObject { ["name"] = new string('x', 201) }.ToJsonString()))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal("An organization's name has at most 200 UTF-16 code units (most characters count one, an emoji two or more); this one has 201.",
            tooLong["detail"]!.GetValue<string>());
        await (await client.SendJsonAsync(HttpMethod.Post, "/admin/organizations", new JsonObject { ["name"] = name.ToUpperInvariant() }.ToJsonString()))
            .AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task List_PagesByCursorInNameOrder_EachOrganizationOnce()
    {
        using var own = new ScimApiFactory();
        var client = own.AdminClient(own.ConfigureOperator());
        string[] names = ["delta", "Alpha", "charlie", "Echo", "bravo"];
        foreach (var name in names)
        {
            await client.CreateOrganizationAsync(name);
        }

        var listed = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync("/admin/organizations?count=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ReadJsonAsync(HttpStatusCode.OK);
            listed.AddRange(page["resources"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["Alpha", "bravo", "charlie", "delta", "Echo"], listed);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("count=0", "invalidValue")]
    [InlineData("count=1001", "invalidValue")]
    [InlineData("count=ten", "invalidValue")]
    [InlineData("cursor=%%%", "invalidCursor")]
    [InlineData("cursor=", "invalidCursor")]
    public async Task List_BadCountOrCursor_Is400(string query, string scimType)
    {
        var client = factory.AdminClient(factory.ConfigureOperator());

        await (await client.GetAsync($"/admin/organizations?{query}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task List_ACursorAlteredOrOfAnotherList_Is400InvalidCursor()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        await client.CreateOrganizationAsync($"cursor-{Guid.NewGuid():N}");
        await client.CreateOrganizationAsync($"cursor-{Guid.NewGuid():N}");
        var cursor = (await (await client.GetAsync("/admin/organizations?count=1")).ReadJsonAsync(HttpStatusCode.OK))["nextCursor"]!.GetValue<string>();
        var (organizationId, _, _) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Scim);
        var foreign = (await client.GetAdminAsync($"/admin/organizations/{organizationId}/changes"))["nextCursor"]!.GetValue<string>();
        var middle = cursor.Length / 2;
        var altered = cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..];
        // The bare form a cursor once had: the last name, base64url.
        var bare = Convert.ToBase64String("cursor-"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        foreach (var bad in new[] { altered, foreign, bare })
        {
            await (await client.GetAsync($"/admin/organizations?count=1&cursor={bad}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
        }

        await (await client.GetAsync($"/admin/organizations?count=1&cursor={cursor}")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rename_ByPutOrPatch_AsOperator_ChangesTheName()
    {
        var operatorClient = factory.AdminClient(factory.ConfigureOperator());
        var (organizationId, _, _) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);
        var uri = $"/admin/organizations/{organizationId}";

        var put = await (await operatorClient.SendJsonAsync(HttpMethod.Put, uri, """{"name":"Renamed by PUT"}""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed by PUT", put["name"]!.GetValue<string>());
        var name = $"Patched-{Guid.NewGuid():N}";
        var patched = await (await operatorClient.SendJsonAsync(HttpMethod.Patch, uri, new JsonObject { ["name"] = name }.ToJsonString()))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(name, patched["name"]!.GetValue<string>());
        Assert.Equal(name, (await (await operatorClient.GetAsync(uri)).ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Rename_ByTheOrganizationsAdminKey_Is403NamingTheOperatorCredential_EvenToATakenName(string method)
    {
        var operatorClient = factory.AdminClient(factory.ConfigureOperator());
        var taken = (await operatorClient.CreateOrganizationAsync($"taken-{Guid.NewGuid():N}"))["name"]!.GetValue<string>();
        var (organizationId, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);
        var uri = $"/admin/organizations/{organizationId}";
        var before = (await (await operatorClient.GetAsync(uri)).ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>();

        foreach (var name in new[] { taken, $"free-{Guid.NewGuid():N}" })
        {
            var error = await (await factory.AdminClient(adminToken).SendJsonAsync(new HttpMethod(method), uri, new JsonObject { ["name"] = name }.ToJsonString()))
                .AssertScimErrorAsync(HttpStatusCode.Forbidden);
            var detail = error["detail"]!.GetValue<string>();
            Assert.StartsWith($"{method} {uri} needs the operator credential (Scim:Admin:OperatorKeys)", detail, StringComparison.Ordinal);
            Assert.DoesNotContain(taken, detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await (await operatorClient.GetAsync(uri)).ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rename_ToTheCurrentName_Is200AndWritesNothing_AnotherCaseIsARename()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        var created = await client.CreateOrganizationAsync($"Same-{Guid.NewGuid():N}");
        var organizationId = Guid.Parse(created["id"]!.GetValue<string>());
        var name = created["name"]!.GetValue<string>();
        var uri = $"/admin/organizations/{organizationId}";

        var again = await (await client.SendJsonAsync(HttpMethod.Put, uri, new JsonObject { ["name"] = name }.ToJsonString())).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.SendJsonAsync(HttpMethod.Patch, uri, new JsonObject { ["name"] = $"  {name} " }.ToJsonString())).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(created.ToJsonString(), again.ToJsonString());
        Assert.Equal([JournalOperation.Create], (await factory.ReadJournalAsync(organizationId)).Where(r => r.ResourceType == JournalResourceType.Organization).Select(r => r.Operation));

        await (await client.SendJsonAsync(HttpMethod.Put, uri, new JsonObject { ["name"] = name.ToUpperInvariant() }.ToJsonString())).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([JournalOperation.Create, JournalOperation.Rename],
            (await factory.ReadJournalAsync(organizationId)).Where(r => r.ResourceType == JournalResourceType.Organization).Select(r => r.Operation));
    }

    [Theory]
    [InlineData("/admin/organizations/Beta", "No organization has the id 'Beta': an organization's id is a GUID")]
    [InlineData("/admin/organizations/Beta/keys", "No organization has the id 'Beta': an organization's id is a GUID")]
    [InlineData("/admin/organizations/not-a-guid/keys", "No organization has the id 'not-a-guid'")]
    [InlineData("/admin/organizations/not-a-guid/activity", "No organization has the id 'not-a-guid'")]
    [InlineData("/admin/organizations/not-a-guid/activity/runs", "No organization has the id 'not-a-guid'")]
    [InlineData("/admin/organizations/not-a-guid/changes", "No organization has the id 'not-a-guid'")]
    [InlineData("/admin/organizations/not-a-guid/erasure", "No organization has the id 'not-a-guid'")]
    [InlineData("/admin/nothing-here", "No administration endpoint at /admin/nothing-here. Endpoints: /admin/organizations,")]
    public async Task AdminPath_WithoutAnEndpointOrWithAnIdThatIsNoGuid_Is404SpeakingOfTheAdministrationApi(string path, string detail)
    {
        var client = factory.AdminClient(factory.ConfigureOperator());

        var error = await (await client.GetAsync(path)).AssertScimErrorAsync(HttpStatusCode.NotFound);

        Assert.StartsWith(detail, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("SCIM endpoint", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationIdThatIsNoGuid_GetsTheSame404_FromTheOperatorAndFromAnAdminKey()
    {
        var (_, _, adminToken) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin);

        var asOperator = await (await factory.AdminClient(factory.ConfigureOperator()).GetAsync("/admin/organizations/Beta")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        var asKey = await (await factory.AdminClient(adminToken).GetAsync("/admin/organizations/Beta")).AssertScimErrorAsync(HttpStatusCode.NotFound);

        Assert.Equal(asOperator.ToJsonString(), asKey.ToJsonString());
    }

    [Fact]
    public async Task Rename_ToATakenName_Is409_AnEmptyOne400_AnUnknownOrganization404()
    {
        var client = factory.AdminClient(factory.ConfigureOperator());
        var taken = (await client.CreateOrganizationAsync($"taken-{Guid.NewGuid():N}"))["name"]!.GetValue<string>();
        var id = (await client.CreateOrganizationAsync($"org-{Guid.NewGuid():N}"))["id"]!.GetValue<string>();

        await (await client.SendJsonAsync(HttpMethod.Patch, $"/admin/organizations/{id}", new JsonObject { ["name"] = taken }.ToJsonString()))
            .AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await client.SendJsonAsync(HttpMethod.Put, $"/admin/organizations/{id}", """{"name":""}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await client.SendJsonAsync(HttpMethod.Put, $"/admin/organizations/{Guid.NewGuid()}", """{"name":"x"}"""))
            .AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateAndRename_AreJournaled_WithTheOperatorThatMadeThem()
    {
        var secret = factory.ConfigureOperator();
        var created = await factory.AdminClient(secret).CreateOrganizationAsync($"journaled-{Guid.NewGuid():N}");
        var organizationId = Guid.Parse(created["id"]!.GetValue<string>());
        var name = $"renamed-{Guid.NewGuid():N}";

        await (await factory.AdminClient(secret).SendJsonAsync(HttpMethod.Patch, $"/admin/organizations/{organizationId}",
            new JsonObject { ["name"] = name }.ToJsonString())).ReadJsonAsync(HttpStatusCode.OK);

        var rows = (await factory.ReadJournalAsync(organizationId)).Where(r => r.ResourceType == JournalResourceType.Organization).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((JournalOperation.Create, "CreateOrganization", organizationId, "operator", (Guid?)null), (rows[0].Operation, rows[0].Slice, rows[0].ResourceId, rows[0].KeyLabel, rows[0].KeyId));
        Assert.Equal(OperatorEntryStart(secret), rows[0].KeyPrefix);
        Assert.Equal(created["name"]!.GetValue<string>(), rows[0].Detail);
        Assert.Equal((JournalOperation.Rename, "RenameOrganization", "operator", (Guid?)null, OperatorEntryStart(secret), name),
            (rows[1].Operation, rows[1].Slice, rows[1].KeyLabel, rows[1].KeyId, rows[1].KeyPrefix, rows[1].Detail));
        Assert.Equal(["name"], rows[1].Attributes);
    }

    private static async Task<int> CountOrganizationsAsync(HttpClient client) =>
        (await (await client.GetAsync("/admin/organizations?count=1000")).ReadJsonAsync(HttpStatusCode.OK))["resources"]!.AsArray().Count;

    // The journal names the operator by the start of the hash its secret matched.
    internal static string OperatorEntryStart(string secret) => Scim.Api.Authentication.OperatorKeys.EntryOf(secret)[..15];
}
