using Microsoft.Data.Sqlite;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Api.Tests.Writes;

/// <summary>
/// On SQLite, a group's membership rows are the entries of one B-tree in (group, member) order, with no rowid table
/// beside it: a large member change writes about a fifth fewer pages, and its commit, which other organizations' writes
/// wait for, is shorter too. EF Core cannot declare such a table, so a later migration that rebuilds
/// <c>group_members</c> would quietly bring the rowid back; the first test fails then.
/// </summary>
public sealed class MemberStorageTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    // More than two statements' worth of ids (512 each), so that clearing takes three.
    private const int Members = 1_100;

    [Fact]
    public async Task GroupMembers_IsATableWithoutRowid()
    {
        if (factory.Database != ScimTestDatabase.Sqlite)
        {
            return;
        }

        await factory.CreateScimClientAsync();
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "wr" FROM pragma_table_list WHERE "name" = 'group_members'""";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ClearingALargeGroup_RemovesEveryMembershipOfItAndNoOther()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var users = await factory.InsertUsersAsync(organizationId, Members);
        var large = await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone"}""");
        var small = await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Founders"}""");
        await client.PatchGroupOkAsync(large, ConditionalRequests.AddMembers(users));
        await client.PatchGroupOkAsync(small, ConditionalRequests.AddMembers(users[0], users[^1]));
        Assert.Equal(Members, (await client.MemberIdsAsync(large)).Length);

        await client.PatchGroupOkAsync(large, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members"}]}
            """);

        Assert.Empty(await client.MemberIdsAsync(large));
        Assert.Equal(ScimHttp.Sorted(users[0], users[^1]), await client.MemberIdsAsync(small));
        var left = await client.GetListAsync("Users?filter=userName sw \"bulk-\"&count=0");
        Assert.Equal(Members, left["totalResults"]!.GetValue<int>());
    }
}
