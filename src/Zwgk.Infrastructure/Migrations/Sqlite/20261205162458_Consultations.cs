using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DecisionCatalogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionCatalogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionCatalogs_DocumentBodies_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MajorDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CatalogId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlannedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorDecisions_DecisionCatalogs_CatalogId",
                        column: x => x.CatalogId,
                        principalTable: "DecisionCatalogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MajorDecisions_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftText = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsMajorDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    MajorDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ShortenedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ContactAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FeedbackText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FeedbackPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackPublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FinalDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_DocumentBodies_FinalDocumentId",
                        column: x => x.FinalDocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Consultations_MajorDecisions_MajorDecisionId",
                        column: x => x.MajorDecisionId,
                        principalTable: "MajorDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Consultations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationOpinionGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Adoption = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationOpinionGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationOpinionGroups_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorDecisionStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Applicability = table.Column<int>(type: "INTEGER", nullable: false),
                    NotApplicableReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingRecord = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorDecisionStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorDecisionStages_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MajorDecisionStages_DocumentBodies_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MajorDecisionStages_MajorDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "MajorDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WantsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    HeldReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Moderation = table.Column<int>(type: "INTEGER", nullable: false),
                    ModerationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ModeratedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Adoption = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationComments_ConsultationOpinionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "ConsultationOpinionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConsultationComments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId_Number",
                table: "ConsultationComments",
                columns: new[] { "ConsultationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_GroupId",
                table: "ConsultationComments",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationOpinionGroups_ConsultationId_Order",
                table: "ConsultationOpinionGroups",
                columns: new[] { "ConsultationId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_FinalDocumentId",
                table: "Consultations",
                column: "FinalDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_MajorDecisionId",
                table: "Consultations",
                column: "MajorDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_State_ClosesOn",
                table: "Consultations",
                columns: new[] { "State", "ClosesOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_UnitId",
                table: "Consultations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionCatalogs_SourceDocumentId",
                table: "DecisionCatalogs",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionCatalogs_Year",
                table: "DecisionCatalogs",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MajorDecisions_CatalogId_Order",
                table: "MajorDecisions",
                columns: new[] { "CatalogId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_MajorDecisions_LeadUnitId",
                table: "MajorDecisions",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorDecisionStages_ConsultationId",
                table: "MajorDecisionStages",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorDecisionStages_DecisionId_Kind",
                table: "MajorDecisionStages",
                columns: new[] { "DecisionId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MajorDecisionStages_DocumentId",
                table: "MajorDecisionStages",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationComments");

            migrationBuilder.DropTable(
                name: "MajorDecisionStages");

            migrationBuilder.DropTable(
                name: "ConsultationOpinionGroups");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "MajorDecisions");

            migrationBuilder.DropTable(
                name: "DecisionCatalogs");
        }
    }
}
