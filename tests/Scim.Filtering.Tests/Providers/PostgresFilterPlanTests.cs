using Microsoft.EntityFrameworkCore;

namespace Scim.Filtering.Tests.Providers;

/// <summary>
/// The indexes PostgreSQL's planner chooses for what identity providers filter on, with statistics of an organization
/// of 10,000 users (<see cref="PostgresProviderDatabase.Crowded"/>): <c>co</c> and <c>ew</c> must reach the trigram
/// indexes (a LIKE pattern, not <c>strpos()</c>), <c>sw</c> and <c>eq</c> the B-trees. Sequential scans are off
/// (<c>SET LOCAL enable_seqscan = off</c>): at 10,000 rows reading a whole table can still be cheaper than a trigram
/// index, which at 200,000 users it is not; the question here is which index can serve the filter.
/// </summary>
public sealed class PostgresFilterPlanTests(PostgresProviderDatabase database) : IClassFixture<PostgresProviderDatabase>
{
    [Theory]
    [InlineData("userName eq \"BJensen\"", "IX_users_OrganizationId_UserNameNormalized")]
    [InlineData("userName sw \"bjen\"", "IX_users_OrganizationId_UserNameNormalized")]
    [InlineData("userName co \"jens\"", "IX_users_UserNameNormalized_trgm")]
    [InlineData("userName ew \"jensen\"", "IX_users_UserNameNormalized_trgm")]
    [InlineData("displayName co \"jens\"", "IX_users_DisplayNameNormalized_trgm")]
    [InlineData("externalId eq \"EXT-1\"", "IX_users_OrganizationId_ExternalId_Id")]
    [InlineData("emails.value eq \"bjensen@example.com\"", "IX_user_values_OrganizationId_Attribute_ValueNormalized")]
    [InlineData("emails[type eq \"work\"].value eq \"bjensen@example.com\"", "IX_user_values_OrganizationId_Attribute_ValueNormalized")]
    [InlineData("emails.value co \"jensen\"", "IX_user_values_ValueNormalized_trgm")]
    [InlineData("manager.value eq \"902c246b-6245-4190-8e05-00816be7344a\"", "IX_users_OrganizationId_ManagerId")]
    [InlineData("meta.lastModified gt \"2025-06-01T00:00:00Z\"", "IX_users_OrganizationId_LastModifiedUtc_Id")]
    public async Task Filter_InLargeOrganization_IsServedByIndex(string filter, string index)
    {
        var plan = await PlanAsync(filter);

        Assert.True(plan.Contains($"\"{index}\"", StringComparison.Ordinal), plan);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_InLargeOrganization_StillFindsItsUsers()
    {
        Assert.Equal(["bjensen"], await database.UserNamesAsync("userName co \"jens\" and emails.value co \"jensen\"", PostgresProviderDatabase.Crowded));
    }

    /// <summary>EXPLAIN of the query the filter compiles to, with the values it sends as parameters.</summary>
    private Task<string> PlanAsync(string filter) =>
        database.WithContextAsync(PostgresProviderDatabase.Crowded, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
            await using var command = db.Users.Where(ProviderDatabase.Compile(filter, db)).Select(u => u.Id).CreateDbCommand();
            command.CommandText = "EXPLAIN " + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        });
}
