using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JournalResourceInTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_OrganizationId_ResourceId",
                table: "journal");

            migrationBuilder.DropIndex(
                name: "IX_journal_OrganizationId_TimeUtc_Sequence",
                table: "journal");

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_TimeUtc_Sequence_ResourceId",
                table: "journal",
                columns: new[] { "OrganizationId", "TimeUtc", "Sequence", "ResourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_OrganizationId_TimeUtc_Sequence_ResourceId",
                table: "journal");

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_ResourceId",
                table: "journal",
                columns: new[] { "OrganizationId", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_TimeUtc_Sequence",
                table: "journal",
                columns: new[] { "OrganizationId", "TimeUtc", "Sequence" });
        }
    }
}
