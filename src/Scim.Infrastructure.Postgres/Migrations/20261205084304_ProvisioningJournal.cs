using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scim.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProvisioningJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Operation = table.Column<int>(type: "integer", nullable: true),
                    Slice = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    ResourceType = table.Column<int>(type: "integer", nullable: true),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: true),
                    Attributes = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Dialect = table.Column<int>(type: "integer", nullable: false),
                    KeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    KeyPrefix = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    KeyLabel = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    RequestId = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    ScimType = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Detail = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal", x => new { x.OrganizationId, x.Sequence });
                });

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_ResourceId_Sequence",
                table: "journal",
                columns: new[] { "OrganizationId", "ResourceId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_OrganizationId_TimeUtc",
                table: "journal",
                columns: new[] { "OrganizationId", "TimeUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journal");
        }
    }
}
