using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniqueNameIndexesCoverIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_UserNameNormalized",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_groups_OrganizationId_DisplayNameNormalized",
                table: "groups");

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_UserNameNormalized",
                table: "users",
                columns: new[] { "OrganizationId", "UserNameNormalized" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_DisplayNameNormalized",
                table: "groups",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_OrganizationId_UserNameNormalized",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_groups_OrganizationId_DisplayNameNormalized",
                table: "groups");

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_UserNameNormalized",
                table: "users",
                columns: new[] { "OrganizationId", "UserNameNormalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_DisplayNameNormalized",
                table: "groups",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" },
                unique: true);
        }
    }
}
