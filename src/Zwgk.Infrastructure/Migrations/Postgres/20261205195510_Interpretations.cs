using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Interpretations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsMajorPolicy",
                table: "Documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "InterpretationProfiles",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    InterpretingUnitId = table.Column<int>(type: "integer", nullable: false),
                    InterpreterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    InterpreterTitle = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ExternalMediaUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterpretationProfiles", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_InterpretationProfiles_DocumentBodies_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterpretationProfiles_Units_InterpretingUnitId",
                        column: x => x.InterpretingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InterpretationMedia",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileDocumentId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    AttachmentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Transcript = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    CaptionsAttachmentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterpretationMedia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterpretationMedia_Attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterpretationMedia_Attachments_CaptionsAttachmentId",
                        column: x => x.CaptionsAttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InterpretationMedia_InterpretationProfiles_ProfileDocumentId",
                        column: x => x.ProfileDocumentId,
                        principalTable: "InterpretationProfiles",
                        principalColumn: "DocumentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterpretationPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileDocumentId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Clause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterpretationPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterpretationPoints_InterpretationProfiles_ProfileDocument~",
                        column: x => x.ProfileDocumentId,
                        principalTable: "InterpretationProfiles",
                        principalColumn: "DocumentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterpretationMedia_AttachmentId",
                table: "InterpretationMedia",
                column: "AttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InterpretationMedia_CaptionsAttachmentId",
                table: "InterpretationMedia",
                column: "CaptionsAttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InterpretationMedia_ProfileDocumentId_Order",
                table: "InterpretationMedia",
                columns: new[] { "ProfileDocumentId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InterpretationPoints_ProfileDocumentId_Order",
                table: "InterpretationPoints",
                columns: new[] { "ProfileDocumentId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InterpretationProfiles_InterpretingUnitId",
                table: "InterpretationProfiles",
                column: "InterpretingUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterpretationMedia");

            migrationBuilder.DropTable(
                name: "InterpretationPoints");

            migrationBuilder.DropTable(
                name: "InterpretationProfiles");

            migrationBuilder.DropColumn(
                name: "IsMajorPolicy",
                table: "Documents");
        }
    }
}
