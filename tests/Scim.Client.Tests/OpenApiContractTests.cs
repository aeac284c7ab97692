using System.Net;
using System.Text.Json.Nodes;
using Scim.Client.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Client.Tests;

/// <summary>
/// The committed documents (src/Scim.Client/openapi.json and admin-openapi.json, from which <see cref="ScimClient"/> and
/// the administration client are generated) must equal the ones the server serves. After a deliberate API change run
/// <c>UPDATE_OPENAPI=1 dotnet test Scim.VerticalSlice.sln</c> to rewrite them, then review and commit the diff.
/// </summary>
public sealed class OpenApiContractTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    private const string DocumentPath = "/swagger/v1/swagger.json";

    [Theory]
    [InlineData(DocumentPath, "openapi.json")]
    [InlineData("/swagger/admin/swagger.json", "admin-openapi.json")]
    public async Task Served_document_matches_the_committed_one(string documentPath, string committedFile)
    {
        var served = Normalize(await fixture.Factory.CreateClient().GetStringAsync(documentPath));
        var committedPath = Path.Combine(RepositoryRoot(), "src", "Scim.Client", committedFile);
        var committed = File.Exists(committedPath) ? Normalize(await File.ReadAllTextAsync(committedPath)) : "";

        if (served != committed && Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
            return;
        }

        Assert.True(served == committed,
            $"The OpenAPI document served at {documentPath} differs from src/Scim.Client/{committedFile}. If the API change is intended, run "
            + "'UPDATE_OPENAPI=1 dotnet test Scim.VerticalSlice.sln', review the diff and commit it (the client is regenerated on the next build). "
            + $"First difference at character {FirstDifference(served, committed)}.");
    }

    [Fact]
    public async Task Document_and_swagger_ui_are_served_without_a_key()
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var document = await client.GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("3.0.0", JsonNode.Parse(await document.Content.ReadAsStringAsync())!["openapi"]!.GetValue<string>());

        var ui = await client.GetAsync("/swagger");
        Assert.True(ui.StatusCode == HttpStatusCode.Redirect, $"GET /swagger answered {(int)ui.StatusCode}");
        Assert.StartsWith("/swagger/index.html", ui.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var index = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("text/html", index.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);

        // The SCIM endpoints next to them still need the key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/Users")).StatusCode);
    }

    [Fact]
    public async Task Document_stays_outside_a_configured_scim_path_base()
    {
        using var factory = new ScimApiFactory { PathBase = "/scim/v2" };
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync(DocumentPath))!;

        Assert.NotNull(document["paths"]!["/scim/v2/Users"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/scim/v2/Users")).StatusCode);
    }

    [Fact]
    public async Task Operations_and_schemas_carry_scim_names()
    {
        var document = JsonNode.Parse(await fixture.Factory.CreateClient().GetStringAsync(DocumentPath))!;

        var operationIds = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!["operationId"]!.GetValue<string>()))
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] expected =
        [
            "CreateGroup", "CreateUser", "DeleteGroup", "DeleteUser", "GetGroup", "GetResourceType", "GetSchema",
            "GetServiceProviderConfig", "GetUser", "ListGroups", "ListResourceTypes", "ListResources", "ListSchemas", "ListUsers",
            "PatchGroup", "PatchUser", "ProcessBulk", "ReplaceGroup", "ReplaceUser", "SearchGroups", "SearchResources", "SearchUsers",
        ];
        Assert.Equal(expected, operationIds);

        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToArray();
        Assert.Subset(schemas.ToHashSet(), new HashSet<string> { "User", "Group", "PatchOp", "Error", "ListResponseOfUser", "ListResponseOfGroup", "SearchRequest", "ServiceProviderConfig", "BulkRequest", "BulkResponse", "Resource", "ListResponseOfResource" });
        Assert.DoesNotContain(schemas, s => s.StartsWith("Scim", StringComparison.Ordinal) || s.Contains("Command", StringComparison.Ordinal) || s.Contains("Query", StringComparison.Ordinal));
        Assert.NotNull(document["components"]!["schemas"]!["User"]!["properties"]!["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());

        var create = document["paths"]!["/Users"]!["post"]!;
        Assert.NotNull(create["requestBody"]!["content"]!["application/scim+json"]);
        Assert.NotNull(create["responses"]!["201"]!["headers"]!["Location"]);
        Assert.Equal("#/components/schemas/Error", create["responses"]!["409"]!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    private static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scim.VerticalSlice.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Scim.VerticalSlice.sln not found above {AppContext.BaseDirectory}.");
    }
}
