using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SortOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_DisplayNameNormalized",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_ExternalId",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_groups_OrganizationId_ExternalId",
                table: "groups");

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_DisplayNameNormalized_Id",
                table: "users",
                columns: new[] { "OrganizationId", "DisplayNameNormalized", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_ExternalId_Id",
                table: "users",
                columns: new[] { "OrganizationId", "ExternalId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_LastModifiedUtc_Id",
                table: "users",
                columns: new[] { "OrganizationId", "LastModifiedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_ExternalId_Id",
                table: "groups",
                columns: new[] { "OrganizationId", "ExternalId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_LastModifiedUtc_Id",
                table: "groups",
                columns: new[] { "OrganizationId", "LastModifiedUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_DisplayNameNormalized_Id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_ExternalId_Id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_LastModifiedUtc_Id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_groups_OrganizationId_ExternalId_Id",
                table: "groups");

            migrationBuilder.DropIndex(
                name: "IX_groups_OrganizationId_LastModifiedUtc_Id",
                table: "groups");

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_DisplayNameNormalized",
                table: "users",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_ExternalId",
                table: "users",
                columns: new[] { "OrganizationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_ExternalId",
                table: "groups",
                columns: new[] { "OrganizationId", "ExternalId" });
        }
    }
}
