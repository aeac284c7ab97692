using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationDeletionAndActivityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_OrganizationId_TimeUtc",
                table: "journal");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletionRequestedUtc",
                table: "organizations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_TimeUtc_Sequence",
                table: "journal",
                columns: new[] { "OrganizationId", "TimeUtc", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_journal_OrganizationId_TimeUtc_Sequence",
                table: "journal");

            migrationBuilder.DropColumn(
                name: "DeletionRequestedUtc",
                table: "organizations");

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_TimeUtc",
                table: "journal",
                columns: new[] { "OrganizationId", "TimeUtc" });
        }
    }
}
