using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I9Docs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedByUserId",
                table: "Documents",
                type: "TEXT",
                maxLength: 64,
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

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRelations_Confirmation_ToDocumentId",
                table: "DocumentRelations",
                columns: new[] { "Confirmation", "ToDocumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentRelations_Confirmation_ToDocumentId",
                table: "DocumentRelations");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
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
