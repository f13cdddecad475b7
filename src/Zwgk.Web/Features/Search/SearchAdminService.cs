using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Search;

public sealed record PlainLanguageInput(string? Category, string? Term, string? Official, bool Enabled = true);
public sealed record PlainLanguageView(int Id, string Category, string Term, IReadOnlyList<string> Official, bool Enabled, DateTimeOffset UpdatedAt, string? UpdatedBy);
public sealed record HotWordInput(string? Word, HotWordMode Mode, int Order = 0);
public sealed record HotWordView(int Id, string Word, HotWordMode Mode, int Order);
public sealed record QueryStat(string Query, int Count, int LastHits);

/// <summary>Back-office side of search (公开办 and platform administrators): the plain-language dictionary, hot-word
/// overrides, query statistics and the index. Every change is audited.</summary>
public sealed class SearchAdminService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, PlainLanguageProvider plain,
    SuggestionProvider suggestions, SearchIndexer indexer)
{
    public bool Allowed => user.CanManageUnits;

    public async Task<List<PlainLanguageView>> ListTermsAsync(string? category, string? q, CancellationToken ct = default)
    {
        var query = db.PlainLanguageTerms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(category)) query = query.Where(t => t.Category == category);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(t => t.Term.Contains(q) || t.Official.Contains(q));
        var rows = await query.OrderBy(t => t.Category).ThenBy(t => t.Term).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    public async Task<List<(string Category, int Count)>> CategoriesAsync(CancellationToken ct = default) =>
        (await db.PlainLanguageTerms.AsNoTracking().GroupBy(t => t.Category).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).ToListAsync(ct))
        .Select(g => (g.Key, g.Count)).ToList();

    public async Task<PlainLanguageView?> GetTermAsync(int id, CancellationToken ct = default) =>
        await db.PlainLanguageTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? View(t) : null;

    private static PlainLanguageView View(PlainLanguageTerm t) => new(t.Id, t.Category, t.Term, t.OfficialTerms, t.Enabled, t.UpdatedAt, t.UpdatedBy);

    public static IReadOnlyList<string> SplitOfficial(string? s) =>
        (s ?? "").Split(['|', '、', ',', '，', ';', '；', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public async Task<ServiceResult> SaveTermAsync(int? id, PlainLanguageInput input, CancellationToken ct = default)
    {
        if (!Allowed) return ServiceResult.Forbidden();
        var official = SplitOfficial(input.Official);
        var errors = SearchRules.Validate(input.Category, input.Term, official);
        var term = input.Term?.Trim() ?? "";
        if (errors.Count == 0 && await db.PlainLanguageTerms.AnyAsync(t => t.Term == term && t.Id != (id ?? 0), ct))
            errors["Term"] = $"“{term}”已在词库中";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        PlainLanguageTerm entity;
        string? before = null;
        if (id is int existing)
        {
            var found = await db.PlainLanguageTerms.FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (found is null) return ServiceResult.NotFound();
            entity = found;
            before = $"{entity.Term} → {entity.Official}";
        }
        else db.PlainLanguageTerms.Add(entity = new PlainLanguageTerm());
        entity.Category = input.Category!.Trim();
        entity.Term = term;
        entity.Official = string.Join('|', official);
        entity.Enabled = input.Enabled;
        entity.UpdatedAt = clock.GetUtcNow();
        entity.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        audit.Add(id is null ? "search.term.create" : "search.term.update", "PlainLanguageTerm", entity.Id,
            $"{(id is null ? "新增" : "修改")}通俗语言词条“{entity.Term}”→“{string.Join("、", official)}”{(entity.Enabled ? "" : "（停用）")}",
            before is null ? null : new Dictionary<string, (object?, object?)> { ["词条"] = (before, $"{entity.Term} → {entity.Official}") });
        await db.SaveChangesAsync(ct);
        plain.Invalidate();
        suggestions.Invalidate();
        return ServiceResult.Success(entity.Id);
    }

    public async Task<ServiceResult> DeleteTermAsync(int id, CancellationToken ct = default)
    {
        if (!Allowed) return ServiceResult.Forbidden();
        var t = await db.PlainLanguageTerms.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return ServiceResult.NotFound();
        db.PlainLanguageTerms.Remove(t);
        audit.Add("search.term.delete", "PlainLanguageTerm", id, $"删除通俗语言词条“{t.Term}”→“{t.Official.Replace('|', '、')}”");
        await db.SaveChangesAsync(ct);
        plain.Invalidate();
        suggestions.Invalidate();
        return ServiceResult.Success(id);
    }

    public async Task<List<HotWordView>> ListHotWordsAsync(CancellationToken ct = default) =>
        await db.HotWords.AsNoTracking().OrderBy(h => h.Mode).ThenBy(h => h.Order).ThenBy(h => h.Id)
            .Select(h => new HotWordView(h.Id, h.Word, h.Mode, h.Order)).ToListAsync(ct);

    public async Task<ServiceResult> SaveHotWordAsync(HotWordInput input, CancellationToken ct = default)
    {
        if (!Allowed) return ServiceResult.Forbidden();
        var word = input.Word?.Trim() ?? "";
        if (word.Length is 0 or > SearchRules.MaxTermLength) return ServiceResult.Invalid(new Dictionary<string, string> { ["Word"] = $"热词须为1至{SearchRules.MaxTermLength}个字" });
        if (!Enum.IsDefined(input.Mode)) return ServiceResult.Invalid(new Dictionary<string, string> { ["Mode"] = "请选择置顶或屏蔽" });
        var h = await db.HotWords.FirstOrDefaultAsync(x => x.Word == word, ct);
        if (h is null) db.HotWords.Add(h = new HotWord { Word = word });
        h.Mode = input.Mode;
        h.Order = input.Order;
        h.UpdatedAt = clock.GetUtcNow();
        h.UpdatedBy = user.UserName;
        audit.Add("search.hotword", "HotWord", word, $"热词“{word}”设为{(input.Mode == HotWordMode.Pinned ? "置顶" : "屏蔽")}");
        await db.SaveChangesAsync(ct);
        suggestions.Invalidate();
        return ServiceResult.Success(h.Id);
    }

    public async Task<ServiceResult> DeleteHotWordAsync(int id, CancellationToken ct = default)
    {
        if (!Allowed) return ServiceResult.Forbidden();
        var h = await db.HotWords.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return ServiceResult.NotFound();
        db.HotWords.Remove(h);
        audit.Add("search.hotword.delete", "HotWord", h.Word, $"取消热词“{h.Word}”的{(h.Mode == HotWordMode.Pinned ? "置顶" : "屏蔽")}");
        await db.SaveChangesAsync(ct);
        suggestions.Invalidate();
        return ServiceResult.Success(id);
    }

    /// <summary>Most searched queries in the window, and those that found nothing (what content or dictionary entries are missing).</summary>
    public async Task<(List<QueryStat> Top, List<QueryStat> ZeroHits, int Total)> QueryStatsAsync(int days, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days, 1, 365));
        var logs = db.SearchQueryLogs.AsNoTracking().Where(l => l.At >= since);
        var total = await logs.CountAsync(ct);
        // Ordered on an anonymous projection: EF cannot translate ordering on a record's constructor arguments.
        var top = (await logs.GroupBy(l => l.Query).Select(g => new { Query = g.Key, Count = g.Count(), Hits = g.Max(x => x.Hits) })
            .OrderByDescending(s => s.Count).ThenBy(s => s.Query).Take(50).ToListAsync(ct)).Select(s => new QueryStat(s.Query, s.Count, s.Hits)).ToList();
        var zero = (await logs.Where(l => l.Hits == 0).GroupBy(l => l.Query).Select(g => new { Query = g.Key, Count = g.Count() })
            .OrderByDescending(s => s.Count).ThenBy(s => s.Query).Take(50).ToListAsync(ct)).Select(s => new QueryStat(s.Query, s.Count, 0)).ToList();
        return (top, zero, total);
    }

    public Task<IndexStatus> StatusAsync(CancellationToken ct = default) => indexer.StatusAsync(ct);

    public async Task<ServiceResult> ReindexAsync(CancellationToken ct = default)
    {
        if (!Allowed) return ServiceResult.Forbidden();
        var (count, _, took) = await indexer.RebuildAsync(null, ct);
        audit.Add("search.reindex", "SearchIndex", null, $"重建全文检索索引：{count} 条，用时 {took.TotalSeconds:F1} 秒");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(count);
    }
}
