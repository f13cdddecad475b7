using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Search.Query;

namespace Zwgk.Web.Features.Search;

public static partial class SearchSeed
{
    /// <summary>
    /// A new site starts with the shipped plain-language dictionary; afterwards the 公开办 owns it. Entries shipped later
    /// are topped up at start-up: a shipped term is offered once (recorded in PlainLanguageShippedTerms), so a term staff
    /// deleted or renamed is not put back, and existing entries (staff edits) are never overwritten.
    /// </summary>
    public static async Task SeedAsync(ZwgkDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var shipped = Shipped();
        var recorded = (await db.PlainLanguageShippedTerms.Select(x => x.Term).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var present = (await db.PlainLanguageTerms.Select(x => x.Term).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        if (recorded.Count == 0 && present.Count > 0)
        {
            // A site seeded before the record existed: what it had and what staff deleted or renamed (audit log) counts as given.
            recorded.UnionWith(present);
            recorded.UnionWith(await RemovedByStaffAsync(db));
            foreach (var t in recorded.Where(t => shipped.ContainsKey(t))) db.PlainLanguageShippedTerms.Add(new PlainLanguageShippedTerm { Term = t, RecordedAt = now });
        }
        foreach (var (term, e) in shipped)
        {
            if (recorded.Contains(term)) continue;
            db.PlainLanguageShippedTerms.Add(new PlainLanguageShippedTerm { Term = term, RecordedAt = now });
            if (present.Contains(term)) continue; // staff added the same term themselves: theirs stays
            db.PlainLanguageTerms.Add(new PlainLanguageTerm
            {
                Category = e.Category.Trim(), Term = term, Official = string.Join('|', e.Official.Select(o => o.Trim())), Enabled = true, UpdatedAt = now, UpdatedBy = "系统",
            });
        }
        await db.SaveChangesAsync();
    }

    private static Dictionary<string, PlainLanguageEntry> Shipped()
    {
        var result = new Dictionary<string, PlainLanguageEntry>(StringComparer.Ordinal);
        foreach (var e in PlainLanguage.LoadDefaultEntries())
        {
            var term = e.Term.Trim();
            if (result.ContainsKey(term) || SearchRules.Validate(e.Category, term, e.Official).Count > 0) continue;
            result[term] = e;
        }
        return result;
    }

    /// <summary>Terms named in the audit log's delete and update entries of the dictionary (“term”→… as the admin service writes them).</summary>
    private static async Task<IEnumerable<string>> RemovedByStaffAsync(ZwgkDbContext db)
    {
        var summaries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "PlainLanguageTerm" && (a.Action == "search.term.delete" || a.Action == "search.term.update"))
            .Select(a => new { a.Summary, a.Changes }).ToListAsync();
        var terms = new List<string>();
        foreach (var a in summaries)
        {
            foreach (System.Text.RegularExpressions.Match m in Quoted().Matches(a.Summary)) { terms.Add(m.Groups[1].Value); break; }
            // An update records the term before the change as "term → official".
            if (a.Changes is { } c) terms.AddRange(BeforeTerm(c));
        }
        return terms;
    }

    [System.Text.RegularExpressions.GeneratedRegex("“([^”]{1,30})”")]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    private static IEnumerable<string> BeforeTerm(string changes)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(changes);
            if (doc.RootElement.TryGetProperty("词条", out var c) && c.TryGetProperty("from", out var from) && from.GetString() is { } f && f.IndexOf(" → ", StringComparison.Ordinal) is > 0 and var i)
                return [f[..i].Trim()];
        }
        catch (System.Text.Json.JsonException) { }
        return [];
    }
}

/// <summary>The `reindex` verb (no options).</summary>
public sealed class ReindexVerb : Hosting.CliVerb<ReindexVerb.NoArguments>
{
    public sealed record NoArguments;

    public override System.CommandLine.Command Command { get; } = new("reindex", "重建全文检索索引（在旁构建，完成后切换，运行中的站点不中断）");
    protected override NoArguments BindArguments(System.CommandLine.ParseResult result, Func<string, string> fullPath) => new();
    protected override Task<int> RunAsync(IServiceProvider services, NoArguments arguments, TextWriter stdout, TextWriter stderr) =>
        ReindexCommand.RunAsync(services, stdout, stderr);
}

/// <summary>`reindex`: rebuilds the search index aside and swaps it in; a running server follows the swap on its own.</summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, TextWriter output, TextWriter error)
    {
        try
        {
            var indexer = sp.GetRequiredService<SearchIndexer>();
            output.WriteLine("正在重建全文检索索引（在旁构建，完成后切换）…");
            var (count, checkpoint, took) = await indexer.RebuildAsync(output);
            output.WriteLine($"完成：{count} 条，用时 {took.TotalSeconds:F1} 秒，检查点 {checkpoint}");
            return 0;
        }
        catch (Exception ex)
        {
            error.WriteLine($"重建索引失败：{ex.Message}");
            return 1;
        }
    }
}
