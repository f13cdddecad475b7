using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations;

/// <summary>One interpretation of a policy as the checks see it.</summary>
public sealed record InterpretationRow(int Id, string Title, InterpretationForm? Form, string FormLabel, DocumentStatus Status, string StatusLabel, bool IsPublic,
    DateOnly? PublishedOn, Timeliness? Timeliness, double Overlap, bool HighOverlap);

/// <summary>A policy with the rule checks of its interpretations.</summary>
public sealed record PolicyCheck(int Id, string Title, string? DocumentNumber, int UnitId, string UnitName, bool Required, string RequiredReason, bool Government,
    DateOnly? PublishedOn, IReadOnlyList<InterpretationRow> Interpretations, Timeliness? Timeliness, FormsCheck Forms)
{
    public bool Interpreted => Interpretations.Any(i => i.IsPublic);
    public bool HasHighOverlap => Interpretations.Any(i => i.IsPublic && i.HighOverlap);
    public bool OnTime => Timeliness?.State is TimelinessState.SameDay or TimelinessState.OnTime;
    public bool Late => Timeliness?.State == TimelinessState.Late;
    public bool Pending => Timeliness?.State == TimelinessState.Pending;
    public bool Overdue => Timeliness?.State == TimelinessState.Overdue;
    /// <summary>The forms rule is judged once something is published; a policy with none is already counted as missing.</summary>
    public bool BelowForms => Required && Interpreted && !Forms.Met;
}

/// <summary>Overlap of an interpretation with one policy it interprets.</summary>
public sealed record OverlapCheck(int PolicyId, string PolicyTitle, double Overlap, bool High);

/// <summary>The checks of an interpretation document.</summary>
public sealed record InterpretationSelfCheck(int Id, bool HasProfile, InterpretationForm? Form, IReadOnlyList<OverlapCheck> Policies, IReadOnlyList<string> MediaProblems);

/// <summary>One line of the per-unit report; Total is the sum line.</summary>
public sealed record UnitReportRow(int UnitId, string UnitName, int Required, int Interpreted, int OnTime, int Late, int Pending, int Overdue, int BelowForms, int HighOverlap);

public sealed record InterpretationReport(DateOnly Today, int DeadlineWorkingDays, int MinimumForms, int MinimumFormsGovernment, double MaxOverlap,
    IReadOnlyList<UnitReportRow> Units, UnitReportRow Total);

/// <summary>What the document admin page shows: the policy view, the interpretation view, or both (an interpretation can be interpreted too).</summary>
public sealed record DocumentChecks(PolicyCheck? Policy, InterpretationSelfCheck? Interpretation);

/// <summary>
/// Computes the 政策解读 rule checks from documents, relations, profiles, the working-day calendar and the clock.
/// Nothing derived is stored: late and overdue change with the date.
/// </summary>
public sealed class InterpretationChecks(ZwgkDbContext db, CurrentUser user, CalendarService calendar, TimeProvider clock, IOptions<InterpretationOptions> options,
    OverlapCache overlapCache)
{
    private InterpretationSettings Settings => options.Value.ToSettings();

    public static readonly string[] CheckKeys = ["required", "interpreted", "ontime", "late", "pending", "overdue", "forms", "overlap"];

    public static string CheckLabel(string key) => key switch
    {
        "required" => "应解读", "interpreted" => "已解读", "ontime" => "按时", "late" => "逾期发布", "pending" => "待解读",
        "overdue" => "逾期未解读", "forms" => "形式不足", "overlap" => "照搬原文", _ => key,
    };

    public static bool Matches(PolicyCheck p, string? check) => check switch
    {
        "interpreted" => p.Interpreted, "ontime" => p.OnTime, "late" => p.Late, "pending" => p.Pending, "overdue" => p.Overdue,
        "forms" => p.BelowForms, "overlap" => p.HasHighOverlap, _ => true,
    };

    /// <summary>The checks for the document admin page; null parts when the document is neither a policy nor an interpretation.</summary>
    public async Task<DocumentChecks> ForDocumentAsync(int id, CancellationToken ct = default)
    {
        var policy = (await LoadAsync(user.Scope(db.Documents).Where(d => d.Id == id), requiredOnly: false, ct)).FirstOrDefault();
        // A policy block is worth showing when the document needs interpreting or already has interpretations.
        if (policy is not null && !policy.Required && policy.Interpretations.Count == 0) policy = null;
        var self = await SelfCheckAsync(id, ct);
        return new DocumentChecks(policy, self);
    }

    /// <summary>Policies that need interpretation (public, in force, 规范性文件 or 重要政策) in the user's scope, optionally of one unit.</summary>
    public async Task<IReadOnlyList<PolicyCheck>> RequiredPoliciesAsync(int? unitId, CancellationToken ct = default)
    {
        var q = user.Scope(db.Documents).Where(d => (d.IsNormative || d.IsMajorPolicy) && d.Status == DocumentStatus.Published
            && d.Disclosure == DisclosureAttribute.Proactive && d.Validity == Validity.InForce);
        if (unitId is int u) q = q.Where(d => d.OwnerUnitId == u);
        return await LoadAsync(q, requiredOnly: true, ct);
    }

    public async Task<InterpretationReport> ReportAsync(CancellationToken ct = default)
    {
        var policies = await RequiredPoliciesAsync(null, ct);
        var rows = policies.GroupBy(p => (p.UnitId, p.UnitName)).Select(g => Row(g.Key.UnitId, g.Key.UnitName, g.ToList()))
            .OrderByDescending(r => r.Overdue + r.Late + r.BelowForms + r.HighOverlap).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
        var s = Settings;
        return new InterpretationReport(Formats.Today(clock), s.DeadlineWorkingDays, s.MinimumForms, s.MinimumFormsGovernment, s.MaxOverlap, rows,
            Row(0, "合计", policies));
    }

    private static UnitReportRow Row(int unitId, string name, IReadOnlyCollection<PolicyCheck> p) => new(unitId, name, p.Count,
        p.Count(x => x.Interpreted), p.Count(x => x.OnTime), p.Count(x => x.Late), p.Count(x => x.Pending), p.Count(x => x.Overdue),
        p.Count(x => x.BelowForms), p.Count(x => x.HasHighOverlap));

    private sealed record PolicyRow(int Id, string Title, string? DocumentNumber, int OwnerUnitId, string OwnerName, UnitKind OwnerKind, string? ExternalIssuer,
        UnitKind? LeadIssuerKind, bool IsNormative, bool IsMajorPolicy, DocumentStatus Status, DisclosureAttribute Disclosure, Validity Validity, DateTimeOffset? PublishedAt,
        DateTimeOffset UpdatedAt, int Version);

    private async Task<IReadOnlyList<PolicyCheck>> LoadAsync(IQueryable<Document> query, bool requiredOnly, CancellationToken ct)
    {
        var policies = await query.AsNoTracking().Select(d => new PolicyRow(d.Id, d.Title, d.DocumentNumber, d.OwnerUnitId, d.OwnerUnit!.Name, d.OwnerUnit.Kind,
            d.ExternalIssuer, d.Issuers.OrderBy(i => i.Order).Select(i => (UnitKind?)i.Unit!.Kind).FirstOrDefault(), d.IsNormative, d.IsMajorPolicy,
            d.Status, d.Disclosure, d.Validity, d.PublishedAt, d.UpdatedAt, d.Version)).ToListAsync(ct);
        if (policies.Count == 0) return [];
        var ids = policies.Select(p => p.Id).ToList();
        // Another unit's unpublished interpretation stays out of a unit user's sight, as everywhere else.
        var visible = db.Documents.VisibleTo(user);
        var links = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.Type == RelationType.Interprets && ids.Contains(r.ToDocumentId) && visible.Any(v => v.Id == r.FromDocumentId))
            .Select(r => new { r.ToDocumentId, r.FromDocumentId, r.FromDocument!.Title, r.FromDocument.Status, r.FromDocument.Disclosure, r.FromDocument.PublishedAt, r.FromDocument.UpdatedAt, r.FromDocument.Version })
            .ToListAsync(ct);
        var interpIds = links.Select(l => l.FromDocumentId).Distinct().ToList();
        var profiles = await db.InterpretationProfiles.AsNoTracking().Where(p => interpIds.Contains(p.DocumentId))
            .Select(p => new { p.DocumentId, p.Form, p.UpdatedAt, Points = p.Points.Count }).ToDictionaryAsync(p => p.DocumentId, ct);
        var forms = profiles.ToDictionary(p => p.Key, p => p.Value.Form);
        // Overlap needs both full texts: computed once per (interpretation, policy) version pair and kept in the bounded cache,
        // so a report reads only the bodies of pairs changed since they were last measured.
        var policyStamp = policies.ToDictionary(p => p.Id, p => (p.UpdatedAt, p.Version));
        var overlaps = new Dictionary<(int From, int To), double>();
        var missing = new List<(OverlapCache.Key Key, int From, int To)>();
        foreach (var l in links)
        {
            var profile = profiles.GetValueOrDefault(l.FromDocumentId);
            var key = new OverlapCache.Key(l.FromDocumentId, l.UpdatedAt, l.Version, profile?.UpdatedAt, profile?.Points ?? 0,
                l.ToDocumentId, policyStamp[l.ToDocumentId].UpdatedAt, policyStamp[l.ToDocumentId].Version);
            if (overlapCache.TryGet(key, out var o)) overlaps[(l.FromDocumentId, l.ToDocumentId)] = o;
            else missing.Add((key, l.FromDocumentId, l.ToDocumentId));
        }
        if (missing.Count > 0)
        {
            var texts = await TextsAsync(missing.SelectMany(m => new[] { m.From, m.To }).Distinct().ToList(), ct);
            foreach (var m in missing)
            {
                var o = InterpretationRules.Overlap(texts.GetValueOrDefault(m.From), texts.GetValueOrDefault(m.To));
                overlapCache.Set(m.Key, o);
                overlaps[(m.From, m.To)] = o;
            }
        }
        var cal = await calendar.GetAsync(ct);
        var today = Formats.Today(clock);
        var s = Settings;

        var result = new List<PolicyCheck>();
        foreach (var p in policies)
        {
            var doc = new Document { IsNormative = p.IsNormative, IsMajorPolicy = p.IsMajorPolicy, Status = p.Status, Disclosure = p.Disclosure, Validity = p.Validity };
            var required = InterpretationRules.RequiresInterpretation(doc);
            if (requiredOnly && !required) continue;
            DateOnly? policyDay = p.PublishedAt is { } at ? InterpretationRules.ChinaDay(at) : null;
            var rows = links.Where(l => l.ToDocumentId == p.Id).Select(l =>
            {
                var isPublic = new Document { Status = l.Status, Disclosure = l.Disclosure }.IsPublic;
                DateOnly? day = isPublic && l.PublishedAt is { } ia ? InterpretationRules.ChinaDay(ia) : null;
                var overlap = overlaps[(l.FromDocumentId, p.Id)];
                InterpretationForm? form = forms.TryGetValue(l.FromDocumentId, out var f) ? f : null;
                return new InterpretationRow(l.FromDocumentId, l.Title, form, form?.Label() ?? "未设置形式", l.Status, l.Status.Label(), isPublic, day,
                    policyDay is { } pd && day is { } d ? InterpretationRules.ForInterpretation(pd, d, cal, s) : null,
                    overlap, InterpretationRules.IsHighOverlap(overlap, s));
            }).OrderBy(r => r.PublishedOn ?? DateOnly.MaxValue).ThenBy(r => r.Id).ToList();
            var published = rows.Where(r => r.IsPublic).ToList();
            var government = InterpretationRules.IsGovernmentDocument(p.LeadIssuerKind, p.OwnerKind, p.ExternalIssuer);
            var formsCheck = InterpretationRules.CheckForms(published.Where(r => r.Form is not null).Select(r => r.Form!.Value), government, s);
            var timeliness = required && policyDay is { } day0
                ? InterpretationRules.ForPolicy(day0, published.Select(r => r.PublishedOn!.Value), today, cal, s) : null;
            var reason = string.Join("、", new[] { p.IsNormative ? "规范性文件" : null, p.IsMajorPolicy ? "重要政策" : null }.OfType<string>());
            result.Add(new PolicyCheck(p.Id, p.Title, p.DocumentNumber, p.OwnerUnitId, p.OwnerName, required, reason, government, policyDay, rows, timeliness, formsCheck));
        }
        return result;
    }

    /// <summary>The checks of an interpretation: overlap with each policy it interprets, and media without text.</summary>
    private async Task<InterpretationSelfCheck?> SelfCheckAsync(int id, CancellationToken ct)
    {
        var visible = db.Documents.VisibleTo(user);
        var policies = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.FromDocumentId == id && r.Type == RelationType.Interprets && visible.Any(v => v.Id == r.ToDocumentId))
            .Select(r => new { r.ToDocumentId, r.ToDocument!.Title }).ToListAsync(ct);
        var profile = await db.InterpretationProfiles.AsNoTracking().Include(p => p.Media).ThenInclude(m => m.Attachment)
            .FirstOrDefaultAsync(p => p.DocumentId == id, ct);
        if (policies.Count == 0 && profile is null) return null;
        var texts = await TextsAsync(policies.Select(p => p.ToDocumentId).Append(id).ToList(), ct);
        var s = Settings;
        var overlaps = policies.Select(p =>
        {
            var o = InterpretationRules.Overlap(texts.GetValueOrDefault(id), texts.GetValueOrDefault(p.ToDocumentId));
            return new OverlapCheck(p.ToDocumentId, p.Title, o, InterpretationRules.IsHighOverlap(o, s));
        }).ToList();
        return new InterpretationSelfCheck(id, profile is not null, profile?.Form, overlaps, profile is null ? [] : InterpretationRules.MediaProblems(profile.Media));
    }

    /// <summary>Plain text of documents for the overlap measure: body, plus an interpretation's key points.</summary>
    private async Task<Dictionary<int, string>> TextsAsync(List<int> ids, CancellationToken ct)
    {
        var bodies = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.BodyHtml }).ToListAsync(ct);
        var points = (await db.InterpretationPoints.AsNoTracking().Where(p => ids.Contains(p.ProfileDocumentId))
            .Select(p => new { p.ProfileDocumentId, p.Order, p.Text }).ToListAsync(ct))
            .GroupBy(p => p.ProfileDocumentId).ToDictionary(g => g.Key, g => string.Join("\n", g.OrderBy(p => p.Order).Select(p => p.Text)));
        return bodies.ToDictionary(b => b.Id, b => DocumentSearchSource.HtmlToText(b.BodyHtml) + (points.TryGetValue(b.Id, out var t) ? "\n" + t : ""));
    }
}

/// <summary>
/// Text overlap of an interpretation with a policy, keyed by both documents' version and UpdatedAt and the profile's, so an edit misses.
/// Bounded (one unit per pair) so it cannot grow without limit; a process-wide singleton.
/// </summary>
public sealed class OverlapCache : IDisposable
{
    public const int MaxEntries = 20_000;
    public readonly record struct Key(int InterpretationId, DateTimeOffset InterpretationUpdatedAt, int InterpretationVersion, DateTimeOffset? ProfileUpdatedAt,
        int ProfilePoints, int PolicyId, DateTimeOffset PolicyUpdatedAt, int PolicyVersion);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool TryGet(Key key, out double overlap) => _cache.TryGetValue(key, out overlap);

    public void Set(Key key, double overlap) =>
        _cache.Set(key, overlap, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });

    public void Dispose() => _cache.Dispose();
}
