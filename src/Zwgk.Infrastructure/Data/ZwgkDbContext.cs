using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Zwgk.Domain.Audit;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Search;
using Zwgk.Domain.Security;
using Zwgk.Domain.Site;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Infrastructure.Data;

/// <summary>The one DbContext. Provider-specific subclasses exist only so each provider has its own migrations.</summary>
public abstract class ZwgkDbContext(DbContextOptions options) : IdentityDbContext<ZwgkUser>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentIssuer> DocumentIssuers => Set<DocumentIssuer>();
    public DbSet<DocumentColumn> DocumentColumns => Set<DocumentColumn>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<ReviewRecord> ReviewRecords => Set<ReviewRecord>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<IndexCounter> IndexCounters => Set<IndexCounter>();
    public DbSet<ColumnListing> ColumnListings => Set<ColumnListing>();
    public DbSet<SearchIndexTask> SearchIndexTasks => Set<SearchIndexTask>();
    public DbSet<PlainLanguageTerm> PlainLanguageTerms => Set<PlainLanguageTerm>();
    public DbSet<PlainLanguageShippedTerm> PlainLanguageShippedTerms => Set<PlainLanguageShippedTerm>();
    public DbSet<SearchQueryLog> SearchQueryLogs => Set<SearchQueryLog>();
    public DbSet<HotWord> HotWords => Set<HotWord>();
    public DbSet<LoginThrottleEntry> LoginThrottles => Set<LoginThrottleEntry>();
    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();
    public DbSet<RequestConsultation> RequestConsultations => Set<RequestConsultation>();
    public DbSet<RequestFee> RequestFees => Set<RequestFee>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestFile> RequestFiles => Set<RequestFile>();
    public DbSet<RequestChallenge> RequestChallenges => Set<RequestChallenge>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<CalendarDayOverride> CalendarDayOverrides => Set<CalendarDayOverride>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<NoticeTemplate> NoticeTemplates => Set<NoticeTemplate>();
    public DbSet<RequestNoticeSettings> RequestNoticeSettings => Set<RequestNoticeSettings>();
    public DbSet<CaseLibraryEntry> CaseLibraryEntries => Set<CaseLibraryEntry>();
    public DbSet<Zwgk.Domain.Reports.AnnualReport> AnnualReports => Set<Zwgk.Domain.Reports.AnnualReport>();
    public DbSet<Zwgk.Domain.Ledger.WorkPlan> WorkPlans => Set<Zwgk.Domain.Ledger.WorkPlan>();
    public DbSet<Zwgk.Domain.Ledger.WorkPlanSection> WorkPlanSections => Set<Zwgk.Domain.Ledger.WorkPlanSection>();
    public DbSet<Zwgk.Domain.Ledger.LedgerTask> LedgerTasks => Set<Zwgk.Domain.Ledger.LedgerTask>();
    public DbSet<Zwgk.Domain.Ledger.TaskUnitMention> LedgerMentions => Set<Zwgk.Domain.Ledger.TaskUnitMention>();
    public DbSet<Zwgk.Domain.Ledger.TaskAssignment> LedgerAssignments => Set<Zwgk.Domain.Ledger.TaskAssignment>();
    public DbSet<Zwgk.Domain.Ledger.TaskReport> LedgerReports => Set<Zwgk.Domain.Ledger.TaskReport>();
    public DbSet<Zwgk.Domain.Ledger.TaskEvidence> LedgerEvidence => Set<Zwgk.Domain.Ledger.TaskEvidence>();
    public DbSet<Zwgk.Domain.Ledger.TaskMilestone> LedgerMilestones => Set<Zwgk.Domain.Ledger.TaskMilestone>();
    public DbSet<Zwgk.Domain.Interaction.Messages.Message> Messages => Set<Zwgk.Domain.Interaction.Messages.Message>();
    public DbSet<Zwgk.Domain.Interaction.Messages.MessageEvent> MessageEvents => Set<Zwgk.Domain.Interaction.Messages.MessageEvent>();
    public DbSet<Zwgk.Domain.Interaction.Events.Interview> Interviews => Set<Zwgk.Domain.Interaction.Events.Interview>();
    public DbSet<Zwgk.Domain.Interaction.Events.InterviewGuest> InterviewGuests => Set<Zwgk.Domain.Interaction.Events.InterviewGuest>();
    public DbSet<Zwgk.Domain.Interaction.Events.InterviewQuestion> InterviewQuestions => Set<Zwgk.Domain.Interaction.Events.InterviewQuestion>();
    public DbSet<Zwgk.Domain.Interaction.Events.OpenDay> OpenDays => Set<Zwgk.Domain.Interaction.Events.OpenDay>();
    public DbSet<Zwgk.Domain.Interaction.Events.OpenDayRegistration> OpenDayRegistrations => Set<Zwgk.Domain.Interaction.Events.OpenDayRegistration>();

    public DbSet<Zwgk.Domain.Interaction.Consultations.Consultation> Consultations => Set<Zwgk.Domain.Interaction.Consultations.Consultation>();
    public DbSet<Zwgk.Domain.Interaction.Consultations.ConsultationComment> ConsultationComments => Set<Zwgk.Domain.Interaction.Consultations.ConsultationComment>();
    public DbSet<Zwgk.Domain.Interaction.Consultations.OpinionGroup> OpinionGroups => Set<Zwgk.Domain.Interaction.Consultations.OpinionGroup>();
    public DbSet<Zwgk.Domain.Interaction.Decisions.DecisionCatalog> DecisionCatalogs => Set<Zwgk.Domain.Interaction.Decisions.DecisionCatalog>();
    public DbSet<Zwgk.Domain.Interaction.Decisions.MajorDecision> MajorDecisions => Set<Zwgk.Domain.Interaction.Decisions.MajorDecision>();
    public DbSet<Zwgk.Domain.Interaction.Decisions.DecisionStage> DecisionStages => Set<Zwgk.Domain.Interaction.Decisions.DecisionStage>();
    public DbSet<Zwgk.Domain.Qa.QaItem> QaItems => Set<Zwgk.Domain.Qa.QaItem>();
    public DbSet<Zwgk.Domain.Concerns.PublicConcern> PublicConcerns => Set<Zwgk.Domain.Concerns.PublicConcern>();
    public DbSet<Zwgk.Domain.Concerns.ConcernResponse> ConcernResponses => Set<Zwgk.Domain.Concerns.ConcernResponse>();
    public DbSet<Zwgk.Domain.Interpretations.InterpretationProfile> InterpretationProfiles => Set<Zwgk.Domain.Interpretations.InterpretationProfile>();
    public DbSet<Zwgk.Domain.Interpretations.InterpretationPoint> InterpretationPoints => Set<Zwgk.Domain.Interpretations.InterpretationPoint>();
    public DbSet<Zwgk.Domain.Interpretations.InterpretationMedia> InterpretationMedia => Set<Zwgk.Domain.Interpretations.InterpretationMedia>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Raised after a save that queued search-index tasks has committed, so the indexer runs at once instead of at its next poll.</summary>
    public static event Action? SearchTasksQueued;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every save that touches searchable content also writes search-index tasks, in the same transaction (ADR 0004):
    /// the index can lag but never miss an update, even if the process dies right after the commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = SearchChangeTracker.Collect(ChangeTracker);
        if (changes.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // New rows get their ids from this first save; the tasks naming them follow in the same transaction.
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = (this.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            foreach (var (type, id) in changes.Resolve()) SearchIndexTasks.Add(new SearchIndexTask { ContentType = type, ContentId = id, CreatedAt = now });
            // A policy's 立改废 decides whether the answers resting on it may still be offered: re-index them with it.
            if (changes.ChangedDocumentIds.Count > 0)
            {
                var docIds = changes.ChangedDocumentIds.ToList();
                foreach (var qa in await QaItems.AsNoTracking().Where(q => q.BasisDocumentId != null && docIds.Contains(q.BasisDocumentId.Value)).Select(q => q.Id).ToListAsync(cancellationToken))
                    SearchIndexTasks.Add(new SearchIndexTask { ContentType = SearchContentTypes.Qa, ContentId = qa, CreatedAt = now });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // The indexer is woken when the transaction commits (see SearchNotifyInterceptor); its poll is the fallback.
            searchTasksPending = true;
            if (own is not null) await own.CommitAsync(cancellationToken);
            return n;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private bool searchTasksPending;

    internal void OnTransactionCommitted()
    {
        if (!searchTasksPending) return;
        searchTasksPending = false;
        SearchTasksQueued?.Invoke();
    }

    internal void OnTransactionRolledBack() => searchTasksPending = false;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(SearchNotifyInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ZwgkDbContext).Assembly);
    }
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class SqliteZwgkDbContext(DbContextOptions<SqliteZwgkDbContext> options) : ZwgkDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no native timestamp type; storing UTC ticks keeps ordering and comparisons in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresZwgkDbContext(DbContextOptions<PostgresZwgkDbContext> options) : ZwgkDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class DateTimeOffsetToUtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
