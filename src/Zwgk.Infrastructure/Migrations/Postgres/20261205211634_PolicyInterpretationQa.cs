using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PolicyInterpretationQa : Migration
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
                name: "PlainLanguageShippedTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlainLanguageShippedTerms", x => x.Term);
                });

            migrationBuilder.CreateTable(
                name: "PublicConcerns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    DiscoveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceMessageId = table.Column<int>(type: "integer", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "QaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Question = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Alternatives = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    UnitNameAsWritten = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BasisDocumentId = table.Column<int>(type: "integer", nullable: true),
                    BasisClause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SourceMessageId = table.Column<int>(type: "integer", nullable: true),
                    SourceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ConcernResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConcernId = table.Column<int>(type: "integer", nullable: false),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Publisher = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_BasisDocumentId",
                table: "QaItems",
                column: "BasisDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_SourceMessageId",
                table: "QaItems",
                column: "SourceMessageId",
                unique: true);

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
                name: "ConcernResponses");

            migrationBuilder.DropTable(
                name: "InterpretationMedia");

            migrationBuilder.DropTable(
                name: "InterpretationPoints");

            migrationBuilder.DropTable(
                name: "PlainLanguageShippedTerms");

            migrationBuilder.DropTable(
                name: "QaItems");

            migrationBuilder.DropTable(
                name: "PublicConcerns");

            migrationBuilder.DropTable(
                name: "InterpretationProfiles");

            migrationBuilder.DropColumn(
                name: "IsMajorPolicy",
                table: "Documents");
        }
    }
}
