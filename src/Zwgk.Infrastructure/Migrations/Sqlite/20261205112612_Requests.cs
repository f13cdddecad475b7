using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zwgk.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Overview = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OtherMatters = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Licensing = table.Column<int>(type: "INTEGER", nullable: true),
                    Penalties = table.Column<int>(type: "INTEGER", nullable: true),
                    Coercion = table.Column<int>(type: "INTEGER", nullable: true),
                    FeesAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_DocumentBodies_PublishedDocumentId",
                        column: x => x.PublishedDocumentId,
                        principalTable: "DocumentBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDayOverrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ArrangementYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDayOverrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QueryCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceiptNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClockStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApplicantType = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ApplicantKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InformationTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Medium = table.Column<int>(type: "INTEGER", nullable: false),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CorrectionRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionContent = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectionDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StateBeforeCorrection = table.Column<int>(type: "INTEGER", nullable: true),
                    StateBeforeReply = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReasonsRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonFinding = table.Column<int>(type: "INTEGER", nullable: true),
                    LongerPeriodDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReferredAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReplyDraftedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReplyDraftedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReplyApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArchiveNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InCaseLibrary = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestNoticeSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Court = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GovernmentReviewBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GovernmentCourt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    QueryAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactInfo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestNoticeSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestNoticeSettings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseLibraryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantType = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    InformationTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Replacements = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchWords = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseLibraryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseLibraryEntries_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseLibraryEntries_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestChallenges_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestConsultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Answer = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestConsultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestConsultations_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEvents_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestFees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlierPiecesThisMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticeReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReducedTo = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ReductionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LapsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestFees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestFees_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestFiles_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_PublishedDocumentId",
                table: "AnnualReports",
                column: "PublishedDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_UnitId_Year",
                table: "AnnualReports",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_District",
                table: "AnnualReports",
                column: "Year",
                unique: true,
                filter: "\"UnitId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Name",
                table: "ApiTokens",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretHash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UnitId",
                table: "ApiTokens",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDayOverrides_ArrangementYear",
                table: "CalendarDayOverrides",
                column: "ArrangementYear");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDayOverrides_Date",
                table: "CalendarDayOverrides",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseLibraryEntries_RequestId",
                table: "CaseLibraryEntries",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseLibraryEntries_Status_Year",
                table: "CaseLibraryEntries",
                columns: new[] { "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseLibraryEntries_UnitId",
                table: "CaseLibraryEntries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ApplicantKey_ReceivedOn",
                table: "InformationRequests",
                columns: new[] { "ApplicantKey", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_CaseNumber",
                table: "InformationRequests",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_QueryCodeHash",
                table: "InformationRequests",
                column: "QueryCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ReceivedOn",
                table: "InformationRequests",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_RepliedOn",
                table: "InformationRequests",
                column: "RepliedOn");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_UnitId_State",
                table: "InformationRequests",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeTemplates_Kind_OutcomeGroup",
                table: "NoticeTemplates",
                columns: new[] { "Kind", "OutcomeGroup" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestChallenges_FiledOn",
                table: "RequestChallenges",
                column: "FiledOn");

            migrationBuilder.CreateIndex(
                name: "IX_RequestChallenges_RequestId",
                table: "RequestChallenges",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestConsultations_RequestId",
                table: "RequestConsultations",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_RequestId_At",
                table: "RequestEvents",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestFees_RequestId",
                table: "RequestFees",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestFiles_RequestId",
                table: "RequestFiles",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestNoticeSettings_UnitId",
                table: "RequestNoticeSettings",
                column: "UnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "CalendarDayOverrides");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "CaseLibraryEntries");

            migrationBuilder.DropTable(
                name: "NoticeTemplates");

            migrationBuilder.DropTable(
                name: "RequestChallenges");

            migrationBuilder.DropTable(
                name: "RequestConsultations");

            migrationBuilder.DropTable(
                name: "RequestEvents");

            migrationBuilder.DropTable(
                name: "RequestFees");

            migrationBuilder.DropTable(
                name: "RequestFiles");

            migrationBuilder.DropTable(
                name: "RequestNoticeSettings");

            migrationBuilder.DropTable(
                name: "InformationRequests");
        }
    }
}
