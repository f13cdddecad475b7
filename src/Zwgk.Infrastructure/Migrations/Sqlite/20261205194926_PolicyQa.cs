using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyQa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Alternatives = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitNameAsWritten = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BasisDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    BasisClause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaItems_DocumentBodies_BasisDocumentId",
                        column: x => x.BasisDocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_QaItems_Messages_SourceMessageId",
                        column: x => x.SourceMessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_QaItems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_BasisDocumentId",
                table: "QaItems",
                column: "BasisDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_SourceMessageId",
                table: "QaItems",
                column: "SourceMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_Status",
                table: "QaItems",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_UnitId_Status",
                table: "QaItems",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QaItems");
        }
    }
}
