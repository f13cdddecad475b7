using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Units",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    SourceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ImportNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishProgress = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlans_DocumentBodies_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceLine = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlanSections_WorkPlanSections_ParentId",
                        column: x => x.ParentId,
                        principalTable: "WorkPlanSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkPlanSections_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LeadUnitsText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResponsibleUnitsText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeadlineText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeadlineKind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceLine = table.Column<int>(type: "INTEGER", nullable: true),
                    BodyText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    BodyLine = table.Column<int>(type: "INTEGER", nullable: true),
                    CarriedOverFromTaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerTasks_LedgerTasks_CarriedOverFromTaskId",
                        column: x => x.CarriedOverFromTaskId,
                        principalTable: "LedgerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerTasks_WorkPlanSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "WorkPlanSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerTasks_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReachedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerMilestones_LedgerTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "LedgerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTaskMentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTaskMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerTaskMentions_LedgerTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "LedgerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    MentionId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedDoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedDoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FeedbackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Rounds = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReportAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerAssignments_LedgerTaskMentions_MentionId",
                        column: x => x.MentionId,
                        principalTable: "LedgerTaskMentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LedgerAssignments_LedgerTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "LedgerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LedgerAssignments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerReports_LedgerAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "LedgerAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEvidence_DocumentBodies_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LedgerEvidence_LedgerReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "LedgerReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAssignments_MentionId",
                table: "LedgerAssignments",
                column: "MentionId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAssignments_TaskId_UnitId",
                table: "LedgerAssignments",
                columns: new[] { "TaskId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAssignments_UnitId",
                table: "LedgerAssignments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEvidence_DocumentId",
                table: "LedgerEvidence",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEvidence_ReportId",
                table: "LedgerEvidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMilestones_DueOn",
                table: "LedgerMilestones",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMilestones_TaskId",
                table: "LedgerMilestones",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReports_AssignmentId_At",
                table: "LedgerReports",
                columns: new[] { "AssignmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTaskMentions_Resolution_Name",
                table: "LedgerTaskMentions",
                columns: new[] { "Resolution", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTaskMentions_TaskId",
                table: "LedgerTaskMentions",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTasks_CarriedOverFromTaskId",
                table: "LedgerTasks",
                column: "CarriedOverFromTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTasks_DueOn",
                table: "LedgerTasks",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTasks_PlanId_Order",
                table: "LedgerTasks",
                columns: new[] { "PlanId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTasks_SectionId",
                table: "LedgerTasks",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_DocumentId",
                table: "WorkPlans",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_SourceHash",
                table: "WorkPlans",
                column: "SourceHash");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_Year",
                table: "WorkPlans",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanSections_ParentId",
                table: "WorkPlanSections",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanSections_PlanId_Order",
                table: "WorkPlanSections",
                columns: new[] { "PlanId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerEvidence");

            migrationBuilder.DropTable(
                name: "LedgerMilestones");

            migrationBuilder.DropTable(
                name: "LedgerReports");

            migrationBuilder.DropTable(
                name: "LedgerAssignments");

            migrationBuilder.DropTable(
                name: "LedgerTaskMentions");

            migrationBuilder.DropTable(
                name: "LedgerTasks");

            migrationBuilder.DropTable(
                name: "WorkPlanSections");

            migrationBuilder.DropTable(
                name: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Units");
        }
    }
}
