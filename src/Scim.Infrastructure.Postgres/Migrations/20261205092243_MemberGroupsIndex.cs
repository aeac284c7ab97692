using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MemberGroupsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_group_members_MemberId_OrganizationId_Type_GroupId",
                table: "group_members",
                columns: new[] { "MemberId", "OrganizationId", "Type", "GroupId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_group_members_MemberId_OrganizationId_Type_GroupId",
                table: "group_members");
        }
    }
}
