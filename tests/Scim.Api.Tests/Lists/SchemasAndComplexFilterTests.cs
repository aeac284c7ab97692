using System.Net;
using Scim.Api.Tests.Discovery;
using Scim.Api.Tests.Infrastructure;
using Scim.Application.Features.Users;
using Scim.Testing;
using static Scim.Testing.ScimHttp;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// Filters on <c>schemas</c> (RFC 7643 §3) find a resource exactly when its representation lists the URN; a complex
/// attribute alone is present when one of its sub-attributes is (RFC 7644 §3.4.2.2), and a user's <c>groups</c> are
/// filterable like the members of a group. All of it runs in SQL.
/// </summary>
public sealed class SchemasAndComplexFilterTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = SchemaWalk.UserUrn;
    private const string EnterpriseUrn = SchemaWalk.EnterpriseUrn;
    private const string GroupUrn = SchemaWalk.GroupUrn;
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task Schemas_eq_the_enterprise_urn_finds_the_users_whose_representation_lists_it()
    {
        var client = await factory.CreateScimClientAsync();
        var plain = await client.CreateUserAsync("""{"userName":"plain@example.com"}""");
        var department = await client.CreateUserAsync($$"""{"userName":"department@example.com","{{EnterpriseUrn}}":{"department":"R&D"} }""");
        var managed = await client.CreateUserAsync($$"""{"userName":"managed@example.com","{{EnterpriseUrn}}":{"manager":{"value":"{{plain}}"} } }""");
        var emptied = await client.CreateUserAsync($$"""{"userName":"emptied@example.com","{{EnterpriseUrn}}":{"employeeNumber":"7"} }""");
        await client.PatchUserOkAsync(emptied, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"remove","path":"{{EnterpriseUrn}}:employeeNumber"}]}""");

        var listed = new List<string>();
        foreach (var id in new[] { plain, department, managed, emptied })
        {
            if ((await client.GetScimAsync($"Users/{id}"))["schemas"]!.AsArray().Any(s => s!.GetValue<string>() == EnterpriseUrn))
            {
                listed.Add(id);
            }
        }

        Assert.Equal(Sorted(department, managed), Sorted([.. listed]));
        Assert.Equal(Sorted(department, managed), await IdsAsync(client, "Users", $"schemas eq \"{EnterpriseUrn}\""));
        Assert.Equal(Sorted(department, managed), await IdsAsync(client, "Users", $"schemas eq \"{EnterpriseUrn.ToUpperInvariant()}\""));
        Assert.Equal(Sorted(plain, emptied), await IdsAsync(client, "Users", $"not (schemas eq \"{EnterpriseUrn}\")"));
        Assert.Equal(Sorted(plain, department, managed, emptied), await IdsAsync(client, "Users", $"schemas eq \"{UserUrn}\" and schemas pr"));
        Assert.Equal(Sorted(department, managed), await IdsAsync(client, "Users", $"schemas ne \"{UserUrn}\""));
        Assert.Equal(Sorted(department, managed), await IdsAsync(client, "Users", "schemas co \":extension:\""));
        Assert.Empty(await IdsAsync(client, "Users", $"schemas eq \"{GroupUrn}\""));
    }

    [Fact]
    public async Task Schemas_of_the_root_search_keep_one_type()
    {
        var client = await factory.CreateScimClientAsync();
        var user = await client.CreateUserAsync("""{"userName":"root-schemas@example.com"}""");
        var group = await client.CreateGroupAsync("""{"displayName":"Root schemas"}""");

        Assert.Equal([group], await IdsAsync(client, "", $"schemas eq \"{GroupUrn}\""));
        Assert.Equal([user], await IdsAsync(client, "", $"schemas sw \"{UserUrn.ToLowerInvariant()}\""));
    }

    [Fact]
    public async Task A_complex_attribute_alone_is_present_when_a_sub_attribute_is()
    {
        var client = await factory.CreateScimClientAsync();
        var named = await client.CreateUserAsync("""{"userName":"named@example.com","name":{"honorificSuffix":"III"}}""");
        var manager = await client.CreateUserAsync("""{"userName":"manager@example.com"}""");
        var managed = await client.CreateUserAsync($$"""{"userName":"managed@example.com","{{EnterpriseUrn}}":{"manager":{"value":"{{manager}}"} } }""");
        var team = await client.CreateGroupAsync($$"""{"displayName":"Team","members":[{"value":"{{named}}"}]}""");
        var empty = await client.CreateGroupAsync("""{"displayName":"Empty"}""");

        Assert.Equal([named], await IdsAsync(client, "Users", "name pr"));
        Assert.Equal(Sorted(manager, managed), await IdsAsync(client, "Users", "name eq null"));
        Assert.Equal([managed], await IdsAsync(client, "Users", $"{EnterpriseUrn}:manager pr"));
        Assert.Equal([managed], await IdsAsync(client, "Users", $"manager eq \"{manager}\""));
        Assert.Equal(Sorted(named, manager, managed), await IdsAsync(client, "Users", "meta pr"));
        Assert.Equal([named], await IdsAsync(client, "Users", "groups pr"));
        Assert.Equal([named], await IdsAsync(client, "Users", $"groups eq \"{team}\""));
        Assert.Equal([named], await IdsAsync(client, "Users", "groups[type eq \"direct\" and value pr]"));
        Assert.Empty(await IdsAsync(client, "Users", $"groups.value eq \"{empty}\""));
        Assert.Equal([team], await IdsAsync(client, "Groups", "members pr"));

        var refused = await (await client.GetAsync($"Users?filter={Uri.EscapeDataString("name co \"III\"")}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        Assert.Contains("'name' is a complex attribute", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var derived = await (await client.GetAsync($"Users?filter={Uri.EscapeDataString("groups.display eq \"Team\"")}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        Assert.Equal(
            "The attribute 'groups.display' cannot be used in a filter: the server does not keep it (the group's current displayName, read with the user).",
            derived["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Group_and_schemas_filters_are_sql_on_the_membership_and_user_columns()
    {
        var group = await FilterSql.ToSqlAsync(factory, db => db.Users, $"groups.value eq \"{Guid.NewGuid()}\"", UserCatalogue.Catalogue.FilterMap);
        var schemas = await FilterSql.ToSqlAsync(factory, db => db.Users, $"schemas eq \"{EnterpriseUrn}\"", UserCatalogue.Catalogue.FilterMap);

        // The group's members, by the (GroupId, MemberId) key: no visit of every user's memberships.
        Assert.Matches("u\\.Id IN \\(\\s*SELECT \\w+\\.MemberId\\s+FROM group_members", group);
        Assert.Contains(".GroupId = ", FilterSql.StatementOf(group), StringComparison.Ordinal);
        // Which users carry the extension follows from its columns, as the renderer decides it: no document is read.
        var where = FilterSql.StatementOf(schemas)[FilterSql.StatementOf(schemas).IndexOf("WHERE", StringComparison.Ordinal)..];
        Assert.Contains("u.ManagerId IS NOT NULL", where, StringComparison.Ordinal);
        Assert.Contains("u.Department IS NOT NULL", where, StringComparison.Ordinal);
        Assert.DoesNotContain("Document", where, StringComparison.Ordinal);
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string endpoint, string filter)
    {
        var list = await client.GetListAsync($"{endpoint}?count=200&filter={Uri.EscapeDataString(filter)}");
        return Sorted([.. list.Resources().Select(r => r["id"]!.GetValue<string>())]);
    }
}
