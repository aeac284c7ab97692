using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>POST /Bulk through the generated client: resources and bulkId references as typed objects.</summary>
public sealed class BulkClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task Bulk_creates_a_group_and_the_user_it_refers_to_by_bulkId()
    {
        var client = await fixture.CreateClientAsync();

        var response = await client.ProcessBulkAsync(new BulkRequest
        {
            Schemas = [ScimSchemas.BulkRequest],
            Operations =
            [
                new BulkOperation
                {
                    Method = "POST", Path = "/Groups", BulkId = "team",
                    Data = new Group { Schemas = [ScimSchemas.Group], DisplayName = "Team", Members = [new Member { Value = "bulkId:ann" }] },
                },
                new BulkOperation { Method = "POST", Path = "/Users", BulkId = "ann", Data = new User { Schemas = [ScimSchemas.User], UserName = "ann@example.com" } },
            ],
        });

        Assert.Equal(["201", "201"], response.Operations.Select(o => o.Status));
        Assert.Equal(["team", "ann"], response.Operations.Select(o => o.BulkId));
        var userId = response.Operations[1].Location!.Split('/')[^1];
        var group = await client.GetGroupAsync(response.Operations[0].Location!.Split('/')[^1]);
        Assert.Equal(userId, Assert.Single(group.Members!).Value);
    }
}
