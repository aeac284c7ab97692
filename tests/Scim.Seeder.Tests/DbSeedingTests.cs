using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Features.Users;
using Scim.Domain.Users;
using Scim.Protocol.Schemas;
using Scim.Seeder.Generation;
using Scim.Seeder.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Seeder.Tests;

/// <summary>
/// <c>--via db</c> on each of the server's databases: the seeded rows read back through the server's HTTP API as the
/// generated values, the stored documents are what the server renders, and a re-run writes nothing.
/// </summary>
public abstract class DbSeedingTests<TDirectory>(TDirectory db) : IClassFixture<TDirectory>
    where TDirectory : SeededDirectory
{
    private readonly DirectoryGenerator generator = new(SeededDirectory.Plan, db.OrganizationId);

    [Fact]
    public void The_run_writes_every_row_and_reports_them()
    {
        Assert.True(db.FirstRun.ExitCode == 0, db.FirstRun.Error);
        Assert.Empty(db.FirstRun.Error);
        Assert.Equal(SeededDirectory.Users, db.Count("users", db.OrganizationId));
        Assert.Equal(SeededDirectory.Users, db.Count("user_addresses", db.OrganizationId));
        Assert.InRange(db.Count("user_values", db.OrganizationId), 2 * SeededDirectory.Users, 4 * SeededDirectory.Users);
        Assert.Equal(SeededDirectory.Groups, db.Count("groups", db.OrganizationId));
        Assert.Equal(SeededDirectory.Memberships, db.Count("group_members", db.OrganizationId));
        Assert.Contains("rows/s", db.FirstRun.Output, StringComparison.Ordinal);
        Assert.Contains("1,000", db.FirstRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unfiltered_lists_count_the_seeded_users_and_groups()
    {
        // The counts unfiltered lists answer totalResults from are kept by the database, so a load that bypasses the
        // server's writes is counted too.
        var client = db.Client();
        Assert.Equal(SeededDirectory.Users, (await client.ListUsersAsync(count: 0)).TotalResults);
        Assert.Equal(SeededDirectory.Groups, (await client.ListGroupsAsync(count: 0)).TotalResults);
    }

    [Fact]
    public async Task The_server_finds_seeded_users_by_userName_and_by_work_email()
    {
        var client = db.Client();
        var user = generator.Users().ElementAt(417);

        var byName = await client.ListUsersAsync(filter: $"userName eq \"{user.UserName.ToUpperInvariant()}\"");
        var found = Assert.Single(byName.Resources);
        Assert.Equal(user.Id.ToString(), found.Id);
        Assert.Equal(user.DisplayName, found.DisplayName);
        Assert.Equal(user.GivenName, found.Name?.GivenName);
        Assert.Equal(user.ExternalId, found.ExternalId);
        Assert.Equal(user.Department, found.Enterprise?.Department);
        Assert.Equal(user.EmployeeNumber, found.Enterprise?.EmployeeNumber);
        var work = Assert.Single(found.Emails!, e => e.Type == "work");
        Assert.Equal(user.WorkEmail, work.Value);
        Assert.True(work.Primary);
        Assert.Equal(user.Office.Locality, Assert.Single(found.Addresses!).Locality);

        var byEmail = await client.ListUsersAsync(filter: $"emails[type eq \"work\"].value eq \"{user.WorkEmail.ToLowerInvariant()}\"");
        Assert.Equal(user.Id.ToString(), Assert.Single(byEmail.Resources).Id);

        var byExternalId = await client.ListUsersAsync(filter: $"externalId eq \"{user.ExternalId}\"");
        Assert.Equal(user.Id.ToString(), Assert.Single(byExternalId.Resources).Id);
    }

    [Fact]
    public async Task Every_seeded_user_stores_the_document_its_rows_render_to_at_version_1()
    {
        var users = await LoadUsersAsync();

        Assert.Equal(SeededDirectory.Users, users.Count);
        Assert.All(users, user =>
        {
            // Loaded back from the columns and rows, the user renders to the very document stored beside them.
            Assert.Equal(Json(UserDocument.Render(user)), Json(user.Document));
            Assert.Equal(1, user.Version);
        });
        Assert.Equal(SeededDirectory.Groups, db.Count("groups", db.OrganizationId, "\"Version\" = 1"));
    }

    [Fact]
    public async Task A_seeded_users_stored_document_is_what_get_by_id_returns_for_its_own_attributes()
    {
        var http = db.Http();
        var stored = (await LoadUsersAsync()).ToDictionary(u => u.Id);
        var seeds = generator.Users().ToList();
        // The top of the org chart, someone with a manager, and both shapes of each optional value.
        SeedUser[] sample =
        [
            seeds[0], seeds[777],
            seeds.First(u => u.OtherEmail is not null), seeds.First(u => u.OtherEmail is null),
            seeds.First(u => u.MobilePhone is not null), seeds.First(u => u.MobilePhone is null),
        ];

        foreach (var seed in sample)
        {
            var document = JsonNode.Parse(stored[seed.Id].Document)!.AsObject();
            var fetched = await http.GetScimAsync($"Users/{seed.Id}");

            // What the server assigns or derives when reading is not the user's own: schemas, id, meta, groups, manager.
            foreach (var name in new[] { "schemas", "id", "meta", "groups" })
            {
                fetched.Remove(name);
            }

            (fetched[ScimSchemaUris.EnterpriseUser] as JsonObject)?.Remove("manager");
            Assert.True(JsonNode.DeepEquals(fetched, document), $"GET returned {fetched.ToJsonString()}\nstored is {document.ToJsonString()}");

            // And it holds every attribute the seeder generates.
            Assert.Equal(seed.WorkEmail, document["emails"]![0]!["value"]!.GetValue<string>());
            Assert.Equal(seed.OtherEmail is null ? 1 : 2, document["emails"]!.AsArray().Count);
            Assert.Equal(seed.MobilePhone is null ? 1 : 2, document["phoneNumbers"]!.AsArray().Count);
            Assert.Equal(seed.Office.PostalCode, document["addresses"]![0]!["postalCode"]!.GetValue<string>());
            Assert.Equal(seed.FamilyName, document["name"]!["familyName"]!.GetValue<string>());
            Assert.Equal(seed.Title, document["title"]!.GetValue<string>());
            var enterprise = document[ScimSchemaUris.EnterpriseUser]!;
            Assert.Equal(seed.Department, enterprise["department"]!.GetValue<string>());
            Assert.Equal(seed.EmployeeNumber, enterprise["employeeNumber"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Get_by_id_returns_the_manager_chain()
    {
        var client = db.Client();
        var users = generator.Users().Take(800).ToList();
        var user = users[777];

        var fetched = await client.GetUserAsync(user.Id.ToString());

        var managerIndex = Assert.IsType<int>(user.ManagerIndex);
        var manager = users[managerIndex];
        Assert.Equal(manager.Id.ToString(), fetched.Enterprise?.Manager?.Value);
        Assert.Equal(manager.DisplayName, fetched.Enterprise?.Manager?.DisplayName);

        // Up the chain to the top, which has no manager.
        var top = await client.GetUserAsync(users[0].Id.ToString());
        Assert.Null(top.Enterprise?.Manager);
        Assert.Equal("Chief Executive Officer", top.Title);
    }

    [Fact]
    public async Task Group_membership_reads_back_from_both_sides()
    {
        var client = db.Client();
        var groups = generator.Groups().ToList();
        var largest = groups.MaxBy(g => g.Size)!;
        var users = generator.Users().ToList();
        var indexes = new int[largest.Size];
        generator.Members(largest, indexes);

        var group = await client.GetGroupAsync(largest.Id.ToString());
        Assert.Equal(largest.DisplayName, group.DisplayName);
        Assert.Equal(largest.ExternalId, group.ExternalId);
        Assert.Equal(largest.Size, group.Members!.Count);
        Assert.Equal(indexes.Select(i => users[i].Id.ToString()).Order(), group.Members.Select(m => m.Value!).Order());

        var withoutMembers = await client.GetGroupAsync(largest.Id.ToString(), excludedAttributes: "members");
        Assert.Null(withoutMembers.Members);

        var member = users[indexes[0]];
        var memberOf = await client.ListGroupsAsync(filter: $"members[value eq \"{member.Id}\"]", excludedAttributes: "members");
        Assert.Contains(memberOf.Resources, g => g.Id == largest.Id.ToString());
        var fetched = await client.GetUserAsync(member.Id.ToString());
        Assert.Contains(fetched.Groups!, g => g.Value == largest.Id.ToString());
    }

    [Fact]
    public async Task A_re_run_skips_everything_and_changes_no_count()
    {
        string[] tables = ["users", "user_values", "user_addresses", "groups", "group_members"];
        var before = tables.Select(t => db.Count(t, db.OrganizationId)).ToList();

        var again = await SeederRunner.RunAsync(null, db.Args(db.OrganizationId.ToString()));

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(before, tables.Select(t => db.Count(t, db.OrganizationId)));
        Assert.Matches(@"users\s+│\s+0\s+│\s+1,000", again.Output);
        Assert.Matches(@"memberships\s+│\s+0\s+│\s+3,000", again.Output);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_directory_and_another_seed_a_different_one()
    {
        var (twin, _) = await db.CreateOrganizationAsync("Twin Corp");
        var (other, _) = await db.CreateOrganizationAsync("Other Corp");
        Assert.Equal(0, (await SeederRunner.RunAsync(null, db.Args("twin corp"))).ExitCode);
        Assert.Equal(0, (await SeederRunner.RunAsync(null, db.Args("Other Corp", seed: 12))).ExitCode);

        var original = Dump(db.OrganizationId);
        Assert.Equal(original, Dump(twin));
        Assert.NotEqual(original, Dump(other));

        // Ids are derived from the organization too, so two organizations never share one.
        Assert.Equal(SeededDirectory.Users, db.Count("users", twin));
    }

    private static string Json(byte[] document) => JsonNode.Parse(document)!.ToJsonString();

    /// <summary>The organization's users as the server's entities, with their value and address rows.</summary>
    private async Task<List<User>> LoadUsersAsync()
    {
        await using var context = await db.CreateContextAsync();
        return await context.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.OrganizationId == db.OrganizationId)
            .Include(u => u.Values).Include(u => u.Addresses).AsSplitQuery()
            .ToListAsync();
    }

    /// <summary>The organization's directory without its ids: users with their manager's userName, values, group members.</summary>
    private string Dump(Guid organizationId) => string.Join('\n', new[]
    {
        """
        SELECT u."UserName", u."ExternalId", u."DisplayName", u."Title", u."Department", u."EmployeeNumber", u."CreatedUtc", m."UserName"
        FROM users u LEFT JOIN users m ON m."OrganizationId" = u."OrganizationId" AND m."Id" = u."ManagerId"
        WHERE u."OrganizationId" = @org ORDER BY u."UserNameNormalized"
        """,
        """
        SELECT u."UserName", v."Attribute", v."Ordinal", v."Value", v."Type", v."Primary"
        FROM user_values v JOIN users u ON u."OrganizationId" = v."OrganizationId" AND u."Id" = v."UserId"
        WHERE v."OrganizationId" = @org ORDER BY u."UserNameNormalized", v."Attribute", v."Ordinal"
        """,
        """
        SELECT g."DisplayName", g."ExternalId", u."UserName"
        FROM group_members gm JOIN groups g ON g."OrganizationId" = gm."OrganizationId" AND g."Id" = gm."GroupId"
        JOIN users u ON u."OrganizationId" = gm."OrganizationId" AND u."Id" = gm."MemberId"
        WHERE gm."OrganizationId" = @org ORDER BY g."DisplayNameNormalized", u."UserNameNormalized"
        """,
    }.SelectMany(sql => db.Query(sql, organizationId))
        .Select(row => string.Join('|', row.Select(value => value is null ? "∅" : Convert.ToString(value, CultureInfo.InvariantCulture)))));
}

public sealed class SqliteDbSeedingTests(SqliteSeededDirectory db) : DbSeedingTests<SqliteSeededDirectory>(db);

public sealed class PostgresDbSeedingTests(PostgresSeededDirectory db) : DbSeedingTests<PostgresSeededDirectory>(db);
