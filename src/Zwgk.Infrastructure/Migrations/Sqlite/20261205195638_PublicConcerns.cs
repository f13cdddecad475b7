using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicConcerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicConcerns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DiscoveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SourceMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicConcerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicConcerns_Messages_SourceMessageId",
                        column: x => x.SourceMessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PublicConcerns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConcernId = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernResponses_DocumentBodies_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConcernResponses_PublicConcerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "PublicConcerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernResponses_ConcernId",
                table: "ConcernResponses",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernResponses_DocumentId",
                table: "ConcernResponses",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicConcerns_DiscoveredAt",
                table: "PublicConcerns",
                column: "DiscoveredAt");

            migrationBuilder.CreateIndex(
                name: "IX_PublicConcerns_IsPublic",
                table: "PublicConcerns",
                column: "IsPublic");

            migrationBuilder.CreateIndex(
                name: "IX_PublicConcerns_SourceMessageId",
                table: "PublicConcerns",
                column: "SourceMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicConcerns_UnitId_ClosedAt",
                table: "PublicConcerns",
                columns: new[] { "UnitId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConcernResponses");

            migrationBuilder.DropTable(
                name: "PublicConcerns");
        }
    }
}
