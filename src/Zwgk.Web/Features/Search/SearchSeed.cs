using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Search.Query;

namespace Zwgk.Web.Features.Search;

public static class SearchSeed
{
    /// <summary>A new site starts with the shipped plain-language dictionary; afterwards the 公开办 owns it.</summary>
    public static async Task SeedAsync(ZwgkDbContext db, TimeProvider clock)
    {
        if (await db.PlainLanguageTerms.AnyAsync()) return;
        var now = clock.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in PlainLanguage.LoadDefaultEntries())
        {
            var term = e.Term.Trim();
            if (!seen.Add(term)) continue;
            if (SearchRules.Validate(e.Category, term, e.Official).Count > 0) continue;
            db.PlainLanguageTerms.Add(new PlainLanguageTerm
            {
                Category = e.Category.Trim(), Term = term, Official = string.Join('|', e.Official.Select(o => o.Trim())), Enabled = true, UpdatedAt = now, UpdatedBy = "系统",
            });
        }
        await db.SaveChangesAsync();
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
