using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scim.Infrastructure.Postgres.Migrations
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
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    Users = table.Column<long>(type: "bigint", nullable: false),
                    UserChanges = table.Column<long>(type: "bigint", nullable: false),
                    Groups = table.Column<long>(type: "bigint", nullable: false),
                    GroupChanges = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_counts", x => new { x.OrganizationId, x.Slot });
                });

            // The counts are the database's own: one statement-level trigger per table and change adds what the statement
            // (or cascade) inserted or deleted, in its transaction. Concurrent transactions count in the slot of their
            // server process (16 slots), so they seldom wait on each other's row lock.
            foreach (var (table, count, changes) in new[] { ("users", "Users", "UserChanges"), ("groups", "Groups", "GroupChanges") })
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION "{table}_counted"() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO "organization_counts" AS c ("OrganizationId", "Slot", "Users", "UserChanges", "Groups", "GroupChanges")
                        SELECT "OrganizationId", pg_backend_pid() % 16, 0, 0, 0, 0 FROM changed GROUP BY "OrganizationId"
                        ON CONFLICT ("OrganizationId", "Slot") DO NOTHING;
                        UPDATE "organization_counts" AS c
                        SET "{count}" = c."{count}" + CASE TG_OP WHEN 'INSERT' THEN d.n ELSE -d.n END, "{changes}" = c."{changes}" + d.n
                        FROM (SELECT "OrganizationId", count(*) AS n FROM changed GROUP BY "OrganizationId") AS d
                        WHERE c."OrganizationId" = d."OrganizationId" AND c."Slot" = pg_backend_pid() % 16;
                        RETURN NULL;
                    END $$;
                    CREATE TRIGGER "{table}_counted_insert" AFTER INSERT ON "{table}"
                        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "{table}_counted"();
                    CREATE TRIGGER "{table}_counted_delete" AFTER DELETE ON "{table}"
                        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "{table}_counted"();
                    """);
            }

            // Named to fire after the foreign keys' cascades ("RI_…" sorts first), whose deletes count as they go.
            migrationBuilder.Sql("""
                CREATE FUNCTION "organizations_counts_erased"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "organization_counts" WHERE "OrganizationId" = OLD."Id";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "organizations_counts_erased" AFTER DELETE ON "organizations"
                    FOR EACH ROW EXECUTE FUNCTION "organizations_counts_erased"();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "organization_counts" ("OrganizationId", "Slot", "Users", "UserChanges", "Groups", "GroupChanges")
                SELECT o."Id", 0, u.n, u.n, g.n, g.n FROM "organizations" AS o,
                    LATERAL (SELECT count(*) AS n FROM "users" WHERE "OrganizationId" = o."Id") AS u,
                    LATERAL (SELECT count(*) AS n FROM "groups" WHERE "OrganizationId" = o."Id") AS g;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "organizations_counts_erased" ON "organizations";
                DROP FUNCTION "organizations_counts_erased"();
                DROP TRIGGER "users_counted_insert" ON "users";
                DROP TRIGGER "users_counted_delete" ON "users";
                DROP FUNCTION "users_counted"();
                DROP TRIGGER "groups_counted_insert" ON "groups";
                DROP TRIGGER "groups_counted_delete" ON "groups";
                DROP FUNCTION "groups_counted"();
                """);
            migrationBuilder.DropTable(
                name: "organization_counts");
        }
    }
}
