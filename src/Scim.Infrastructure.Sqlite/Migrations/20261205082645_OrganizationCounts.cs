using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organization_counts",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Users = table.Column<long>(type: "INTEGER", nullable: false),
                    UserChanges = table.Column<long>(type: "INTEGER", nullable: false),
                    Groups = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupChanges = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_counts", x => new { x.OrganizationId, x.Slot });
                });

            // The counts are the database's own: every insert and delete of a user or group, whichever statement or
            // cascade makes it, moves them in the same transaction. One writer, so one slot (0).
            foreach (var (table, count, changes) in new[] { ("users", "Users", "UserChanges"), ("groups", "Groups", "GroupChanges") })
            {
                foreach (var (when, row, sign) in new[] { ("INSERT", "NEW", "+"), ("DELETE", "OLD", "-") })
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{table}_counted_{when.ToLowerInvariant()}" AFTER {when} ON "{table}" BEGIN
                            INSERT INTO "organization_counts" ("OrganizationId", "Slot", "Users", "UserChanges", "Groups", "GroupChanges")
                            VALUES ({row}."OrganizationId", 0, 0, 0, 0, 0)
                            ON CONFLICT ("OrganizationId", "Slot") DO NOTHING;
                            UPDATE "organization_counts" SET "{count}" = "{count}" {sign} 1, "{changes}" = "{changes}" + 1
                            WHERE "OrganizationId" = {row}."OrganizationId" AND "Slot" = 0;
                        END;
                        """);
                }
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER "organizations_counts_erased" AFTER DELETE ON "organizations" BEGIN
                    DELETE FROM "organization_counts" WHERE "OrganizationId" = OLD."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "organization_counts" ("OrganizationId", "Slot", "Users", "UserChanges", "Groups", "GroupChanges")
                SELECT "Id", 0, "Users", "Users", "Groups", "Groups" FROM (
                    SELECT o."Id",
                        (SELECT COUNT(*) FROM "users" WHERE "OrganizationId" = o."Id") AS "Users",
                        (SELECT COUNT(*) FROM "groups" WHERE "OrganizationId" = o."Id") AS "Groups"
                    FROM "organizations" AS o);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "organizations_counts_erased";""");
            foreach (var name in new[] { "users_counted_insert", "users_counted_delete", "groups_counted_insert", "groups_counted_delete" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{name}";""");
            }

            migrationBuilder.DropTable(
                name: "organization_counts");
        }
    }
}
