using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scim.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:scim_c_utf8", "C,C.UTF-8,libc,True")
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    NameNormalized = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    Prefix = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    SecretHash = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    Scopes = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_keys_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    DisplayNameNormalized = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    ExternalId = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groups", x => new { x.OrganizationId, x.Id });
                    table.ForeignKey(
                        name: "FK_groups_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    UserNameNormalized = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    ExternalId = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    DisplayNameNormalized = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NickName = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    ProfileUrl = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Title = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    UserType = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    PreferredLanguage = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Locale = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Timezone = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NameFormatted = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NameFamilyName = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NameGivenName = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NameMiddleName = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NameHonorificPrefix = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    NameHonorificSuffix = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    EmployeeNumber = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    CostCenter = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Organization = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Division = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Department = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    ManagerId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Document = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => new { x.OrganizationId, x.Id });
                    table.ForeignKey(
                        name: "FK_users_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_users_users_OrganizationId_ManagerId",
                        columns: x => new { x.OrganizationId, x.ManagerId },
                        principalTable: "users",
                        principalColumns: new[] { "OrganizationId", "Id" });
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.OrganizationId, x.GroupId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_group_members_groups_OrganizationId_GroupId",
                        columns: x => new { x.OrganizationId, x.GroupId },
                        principalTable: "groups",
                        principalColumns: new[] { "OrganizationId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Formatted = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    StreetAddress = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Locality = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Region = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    PostalCode = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Country = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Type = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Primary = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_addresses", x => new { x.OrganizationId, x.Id });
                    table.ForeignKey(
                        name: "FK_user_addresses_users_OrganizationId_UserId",
                        columns: x => new { x.OrganizationId, x.UserId },
                        principalTable: "users",
                        principalColumns: new[] { "OrganizationId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attribute = table.Column<string>(type: "text", nullable: false, collation: "scim_c_utf8"),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    ValueNormalized = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Display = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Type = table.Column<string>(type: "text", nullable: true, collation: "scim_c_utf8"),
                    Primary = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_values", x => new { x.OrganizationId, x.Id });
                    table.ForeignKey(
                        name: "FK_user_values_users_OrganizationId_UserId",
                        columns: x => new { x.OrganizationId, x.UserId },
                        principalTable: "users",
                        principalColumns: new[] { "OrganizationId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_OrganizationId",
                table: "api_keys",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_SecretHash",
                table: "api_keys",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_group_members_OrganizationId_MemberId",
                table: "group_members",
                columns: new[] { "OrganizationId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_DisplayNameNormalized_trgm",
                table: "groups",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_CreatedUtc_Id",
                table: "groups",
                columns: new[] { "OrganizationId", "CreatedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_DisplayNameNormalized",
                table: "groups",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_groups_OrganizationId_ExternalId",
                table: "groups",
                columns: new[] { "OrganizationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_organizations_NameNormalized",
                table: "organizations",
                column: "NameNormalized",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_user_addresses_OrganizationId_UserId_Ordinal",
                table: "user_addresses",
                columns: new[] { "OrganizationId", "UserId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_user_values_OrganizationId_Attribute_ValueNormalized",
                table: "user_values",
                columns: new[] { "OrganizationId", "Attribute", "ValueNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_user_values_OrganizationId_UserId_Attribute_Ordinal",
                table: "user_values",
                columns: new[] { "OrganizationId", "UserId", "Attribute", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_user_values_ValueNormalized_trgm",
                table: "user_values",
                columns: new[] { "OrganizationId", "ValueNormalized" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_users_DisplayNameNormalized_trgm",
                table: "users",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_CreatedUtc_Id",
                table: "users",
                columns: new[] { "OrganizationId", "CreatedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_DisplayNameNormalized",
                table: "users",
                columns: new[] { "OrganizationId", "DisplayNameNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_ExternalId",
                table: "users",
                columns: new[] { "OrganizationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_LastModifiedUtc",
                table: "users",
                columns: new[] { "OrganizationId", "LastModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_ManagerId",
                table: "users",
                columns: new[] { "OrganizationId", "ManagerId" });

            migrationBuilder.CreateIndex(
                name: "IX_users_OrganizationId_UserNameNormalized",
                table: "users",
                columns: new[] { "OrganizationId", "UserNameNormalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_UserNameNormalized_trgm",
                table: "users",
                columns: new[] { "OrganizationId", "UserNameNormalized" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "user_addresses");

            migrationBuilder.DropTable(
                name: "user_values");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
