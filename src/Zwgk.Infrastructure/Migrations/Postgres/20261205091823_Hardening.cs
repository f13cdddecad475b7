using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "ReviewRecords",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedByUserId",
                table: "Documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalIssuer",
                table: "Documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Migrated",
                table: "Documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Confirmation",
                table: "DocumentRelations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "DocumentRelations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "DocumentRelations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LoginThrottles",
                columns: table => new
                {
                    NameHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "ReviewRecords",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
