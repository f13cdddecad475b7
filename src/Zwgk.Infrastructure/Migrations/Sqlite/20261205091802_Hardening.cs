using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Searcher",
                table: "SearchQueryLogs",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedByUserId",
                table: "Documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalIssuer",
                table: "Documents",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Migrated",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Documents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Confirmation",
                table: "DocumentRelations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "DocumentRelations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "DocumentRelations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LoginThrottles",
                columns: table => new
                {
                    NameHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginThrottles", x => x.NameHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRelations_Confirmation_ToDocumentId",
                table: "DocumentRelations",
                columns: new[] { "Confirmation", "ToDocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_LoginThrottles_UpdatedAt",
                table: "LoginThrottles",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoginThrottles");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRelations_Confirmation_ToDocumentId",
                table: "DocumentRelations");

            migrationBuilder.DropColumn(
                name: "Searcher",
                table: "SearchQueryLogs");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ExternalIssuer",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Migrated",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Confirmation",
                table: "DocumentRelations");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "DocumentRelations");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "DocumentRelations");
        }
    }
}
