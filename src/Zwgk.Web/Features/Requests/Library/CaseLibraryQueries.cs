using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Infrastructure.Data;
using Zwgk.Search.Text;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>
/// Reading the 案例库. Confirmed entries are shared with the request staff of every unit; drafts are seen only by those who
/// may see their case. Word search uses the search library's analysis: the query is cut into words, and an entry matches
/// when it holds every word (or all the dictionary sub-words of a long one), ranked by the words' weight, title first.
/// The library is a few thousand entries at most, so matching runs over the stored word lists in memory.
/// </summary>
public sealed class CaseLibraryQueries(ZwgkDbContext db, CurrentUser user)
{
    /// <summary>Entries scored per search; the newest beyond this are not searched (a knowledge base, not an archive).</summary>
    public const int SearchWindow = 5000;

    public async Task<PagedResult<CaseLibraryItem>?> SearchAsync(CaseLibraryFilter f, CancellationToken ct = default)
    {
        if (!user.CanWork()) return null;
        var q = db.CaseLibraryEntries.AsNoTracking().Where(e => e.Status == CaseLibraryStatus.Confirmed);
        if (f.Unit is int unit) q = q.Where(e => e.UnitId == unit);
        if (f.Year is int year) q = q.Where(e => e.Year == year);
        if (!string.IsNullOrWhiteSpace(f.Topic)) { var topic = f.Topic.Trim(); q = q.Where(e => e.Topic == topic || (e.Topic != null && e.Topic.StartsWith(topic + "\\"))); }
        if (f.Outcome is { } group)
        {
            var outcomes = Outcomes.All.Where(o => o.Group == group).Select(o => o.Outcome).ToList();
            q = q.Where(e => outcomes.Contains(e.Outcome));
        }
        var rows = await q.OrderByDescending(e => e.Year).ThenByDescending(e => e.Id).Take(SearchWindow)
            .Select(e => new { e.Id, e.InformationTitle, e.DocumentNumber, e.UnitId, e.Year, e.ApplicantType, e.Topic, e.Outcome, e.Description, e.Tags, e.SearchWords })
            .ToListAsync(ct);
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 100);
        var query = QueryWords(f.Q);
        var ranked = rows.Select(e => (e, score: query.Count == 0 ? 0 : Score(query, e.InformationTitle, e.SearchWords)))
            .Where(x => query.Count == 0 || x.score > 0)
            .OrderByDescending(x => x.score).ThenByDescending(x => x.e.Year).ThenByDescending(x => x.e.Id).ToList();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = ranked.Skip((page - 1) * size).Take(size).Select(x => new CaseLibraryItem(x.e.Id, x.e.InformationTitle, x.e.DocumentNumber,
            units.GetValueOrDefault(x.e.UnitId, ""), x.e.Year, x.e.ApplicantType.Label(), x.e.Topic, x.e.Outcome.Info().Label, x.e.Outcome.Group().ShortLabel(),
            Excerpt(x.e.Description), x.e.Tags)).ToList();
        return new PagedResult<CaseLibraryItem>(items, ranked.Count, page, size);
    }

    /// <summary>Drafts waiting for confirmation that this user may see (their unit's, or all for the 公开办).</summary>
    public async Task<IReadOnlyList<CaseLibraryItem>> DraftsAsync(CancellationToken ct = default)
    {
        if (!user.CanWork()) return [];
        var visible = user.Scope(db.InformationRequests).Select(r => r.Id);
        var rows = await db.CaseLibraryEntries.AsNoTracking().Where(e => e.Status == CaseLibraryStatus.Draft && visible.Contains(e.RequestId))
            .OrderByDescending(e => e.CreatedAt).Take(100).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(e => new CaseLibraryItem(e.Id, e.InformationTitle, e.DocumentNumber, units.GetValueOrDefault(e.UnitId, ""), e.Year,
            e.ApplicantType.Label(), e.Topic, e.Outcome.Info().Label, e.Outcome.Group().ShortLabel(), Excerpt(e.Description), e.Tags)).ToList();
    }

    public async Task<CaseLibraryEntryView?> GetAsync(int id, CancellationToken ct = default)
    {
        if (!user.CanWork()) return null;
        var e = await db.CaseLibraryEntries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var r = await user.Scope(db.InformationRequests.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == e.RequestId, ct);
        // A draft is not in the shared library yet: only those who may see its case see it.
        if (e.Status == CaseLibraryStatus.Draft && r is null) return null;
        var unit = await db.Units.Where(u => u.Id == e.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var info = e.Outcome.Info();
        return new CaseLibraryEntryView(e.Id, e.Status.Label(), e.Status == CaseLibraryStatus.Draft, e.InformationTitle, e.DocumentNumber, e.Description,
            e.ReplyText, e.Notes, e.Tags, e.Topic, e.UnitId, unit, e.Year, e.ApplicantType.Label(), info.Label, info.Group.ShortLabel(), info.Basis,
            e.ReplacementList.Select(x => new ReplacementView(x.Kind.Label(), x.Count)).ToList(), CaseAnonymizer.Describe(e.ReplacementList),
            e.CreatedBy, Formats.DateTime(e.CreatedAt), e.ConfirmedBy, e.ConfirmedAt is { } c ? Formats.DateTime(c) : null,
            r is not null ? r.Id : null, e.Status == CaseLibraryStatus.Draft && r is not null && user.CanAct(r));
    }

    /// <summary>The query as words (cut like the index), without application boilerplate unless nothing else is left.</summary>
    public static IReadOnlyList<string> QueryWords(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return [];
        var text = ChineseNormalizer.Normalize(q.Trim().Length > 100 ? q.Trim()[..100] : q.Trim());
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        var all = words.Select(w => text.Substring(w.Start, w.Length)).Distinct(StringComparer.Ordinal).ToList();
        var meaningful = all.Where(w => RequestSimilarity.Weight(w, WordKindOf(w)) > 0).ToList();
        return meaningful.Count > 0 ? meaningful : all;
    }

    private static WordKind WordKindOf(string w) => w.All(char.IsAsciiDigit) ? WordKind.Number : w.All(char.IsAsciiLetter) ? WordKind.Latin : WordKind.Han;

    /// <summary>0 unless every query word is found (whole, or as all its dictionary sub-words); title hits count double.</summary>
    public static double Score(IReadOnlyList<string> query, string title, string searchWords)
    {
        double score = 0;
        var normalizedTitle = ChineseNormalizer.Normalize(title);
        foreach (var word in query)
        {
            if (!Contains(searchWords, word))
            {
                var parts = new List<Word>();
                Segmenter.Default.CutForSearch(word, parts);
                var subs = parts.Where(p => p.Length < word.Length).Select(p => word.Substring(p.Start, p.Length)).Distinct().ToList();
                if (subs.Count == 0 || !subs.All(s => Contains(searchWords, s))) return 0;
            }
            var weight = Math.Max(1, RequestSimilarity.Weight(word, WordKindOf(word)));
            score += normalizedTitle.Contains(word, StringComparison.Ordinal) ? 2 * weight : weight;
        }
        return score;
    }

    private static bool Contains(string searchWords, string word) => searchWords.Contains(" " + word + " ", StringComparison.Ordinal);

    private static string Excerpt(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
