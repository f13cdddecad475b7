using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Interaction : Migration
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
                name: "Interviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordTranscript = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    RecordPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RelatedDocumentIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAnswerSeq = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interviews_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QueryCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    PageUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WriterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ContactKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WantsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgeDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplyDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DuplicateOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ReplyUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReplyDraftedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReplyDraftedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReplyApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishApproved = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    HoldReasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    SatisfactionComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Messages_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Messages_Units_ReplyUnitId",
                        column: x => x.ReplyUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Messages_Units_TargetUnitId",
                        column: x => x.TargetUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Messages_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPartySize = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationOpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegistrationClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SummaryPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenDays_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "InterviewGuests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InterviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewGuests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewGuests_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterviewQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InterviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AskerPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ScreenNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ModeratedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredByGuest = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByStaff = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnswerSeq = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewQuestions_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageEvents_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenDayRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartySize = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDayRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenDayRegistrations_OpenDays_OpenDayId",
                        column: x => x.OpenDayId,
                        principalTable: "OpenDays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_InterviewGuests_InterviewId_Order",
                table: "InterviewGuests",
                columns: new[] { "InterviewId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InterviewQuestions_InterviewId_AnswerSeq",
                table: "InterviewQuestions",
                columns: new[] { "InterviewId", "AnswerSeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterviewQuestions_InterviewId_Status",
                table: "InterviewQuestions",
                columns: new[] { "InterviewId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_StartsAt",
                table: "Interviews",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_UnitId",
                table: "Interviews",
                column: "UnitId");

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

            migrationBuilder.CreateIndex(
                name: "IX_MessageEvents_MessageId",
                table: "MessageEvents",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ContactKey_ReceivedOn",
                table: "Messages",
                columns: new[] { "ContactKey", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_DuplicateOfId",
                table: "Messages",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_QueryCodeHash",
                table: "Messages",
                column: "QueryCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_RepliedAt",
                table: "Messages",
                column: "RepliedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ReplyUnitId",
                table: "Messages",
                column: "ReplyUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_TargetUnitId",
                table: "Messages",
                column: "TargetUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_UnitId_State",
                table: "Messages",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDayRegistrations_CodeHash",
                table: "OpenDayRegistrations",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenDayRegistrations_OpenDayId_PhoneKey",
                table: "OpenDayRegistrations",
                columns: new[] { "OpenDayId", "PhoneKey" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDays_StartsAt",
                table: "OpenDays",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDays_UnitId",
                table: "OpenDays",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationComments");

            migrationBuilder.DropTable(
                name: "InterviewGuests");

            migrationBuilder.DropTable(
                name: "InterviewQuestions");

            migrationBuilder.DropTable(
                name: "MajorDecisionStages");

            migrationBuilder.DropTable(
                name: "MessageEvents");

            migrationBuilder.DropTable(
                name: "OpenDayRegistrations");

            migrationBuilder.DropTable(
                name: "ConsultationOpinionGroups");

            migrationBuilder.DropTable(
                name: "Interviews");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "OpenDays");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "MajorDecisions");

            migrationBuilder.DropTable(
                name: "DecisionCatalogs");
        }
    }
}
