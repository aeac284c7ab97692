using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Sqlite.Migrations
{
    /// <summary>
    /// Makes <c>users.Active</c> nullable: null is an unassigned <c>active</c> (RFC 7643 §2.5), which a PATCH remove or
    /// a PUT without it leaves, and which is not active. Existing rows keep their value.
    /// SQLite cannot drop NOT NULL in place: EF Core copies the users table into a new one and rebuilds its indexes, once.
    /// </summary>
    public partial class UserActiveOptional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<bool>(
                name: "Active",
                table: "users",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<bool>(
                name: "Active",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
