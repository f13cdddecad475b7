using System.Text.Json;
using Ganss.Xss;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Import;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Hosting;

/// <summary>
/// Loads the demo site's content (DemoData/manifest.json) into the database on first start: the district's own public
/// documents, published with their real 发布日期, and the text of single-page columns (政府信息公开指南). Everything
/// lands as ordinary documents and column pages, so staff edit it like any other content.
/// </summary>
public static class DemoContent
{
    public static async Task LoadAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var env = sp.GetRequiredService<IWebHostEnvironment>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoContent));
        var dir = Path.Combine(AppContext.BaseDirectory, "DemoData");
        if (!Directory.Exists(dir)) dir = Path.Combine(env.ContentRootPath, "DemoData");
        var manifestPath = Path.Combine(dir, "manifest.json");
        if (!File.Exists(manifestPath)) return;
        var manifest = JsonSerializer.Deserialize<DemoManifest>(await File.ReadAllTextAsync(manifestPath, ct), JsonSerializerOptions.Web)!;

        var import = sp.GetRequiredService<ImportService>();
        var imported = new Dictionary<string, int>();
        var documents = sp.GetRequiredService<DocumentService>();
        // Oldest first, so 索引号 serials follow the order of publication.
        foreach (var d in manifest.Documents.OrderBy(d => d.PublishedOn))
        {
            await using var stream = File.OpenRead(Path.Combine(dir, d.File));
            var entry = new DemoEntry(d.File, d.Columns, d.Topic, d.Genre, d.Keywords, d.Issuer, d.IssuerNote);
            var outcome = await import.ImportAsync(stream, d.File, publish: false, unitId: null, entry, ct);
            if (outcome.Error is not null || outcome.DocumentId is not int id)
            {
                log.LogWarning("Demo import of {File} failed: {Error}", d.File, outcome.Error);
                continue;
            }
            imported[d.File] = id;
            var publishedAt = new DateTimeOffset(d.PublishedOn.ToDateTime(new TimeOnly(9, 0)), Formats.ChinaOffset);
            var published = await documents.PublishAsSystemAsync(id, $"演示内容：{d.File}", ct, publishedAt);
            if (!published.Ok) log.LogWarning("Demo document {File} not published: {Error}", d.File, published.Message);
        }

        var db = sp.GetRequiredService<ZwgkDbContext>();
        var sanitizer = sp.GetRequiredService<IHtmlSanitizer>();
        foreach (var page in manifest.Pages)
        {
            var column = await db.Columns.FirstOrDefaultAsync(c => c.Slug == page.Column, ct);
            if (column is null) continue;
            column.PageHtml = sanitizer.Sanitize(await File.ReadAllTextAsync(Path.Combine(dir, page.File), ct));
        }
        await db.SaveChangesAsync(ct);

        // The 工作要点 among them become work ledgers (工作台账), linked to their documents.
        var ledger = sp.GetRequiredService<Ledger.LedgerImportService>();
        foreach (var d in manifest.Documents.Where(d => d.Ledger))
        {
            await using var stream = File.OpenRead(Path.Combine(dir, d.File));
            var preview = await ledger.PreviewAsync(stream, d.File, d.PublishedOn.Year, ct);
            var (result, _) = await ledger.SaveAsync(preview, "演示数据", ct);
            if (!result.Ok) { log.LogWarning("Demo ledger of {File} not imported: {Error}", d.File, result.Message); continue; }
            if (imported.TryGetValue(d.File, out var documentId))
                await db.WorkPlans.Where(p => p.Id == result.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.DocumentId, documentId), ct);
        }

        // 互动交流: messages, consultations, the decision catalog, interviews and an open day, dated around today.
        await Interaction.Demo.InteractionDemo.LoadAsync(sp, ct);
        // 回应关切: two answered public concerns and one waiting.
        await Concerns.ConcernDemo.LoadAsync(sp, ct);
        // 政策解读: a policy with interpretations in several forms and one still missing.
        await Interpretations.Demo.InterpretationDemo.LoadAsync(sp, ct);
        // 政策问答库: a unit FAQ sheet, published; some entries rest on the documents above.
        await Qa.Demo.QaDemo.LoadAsync(sp, dir, ct);
        // 政策咨询 (after the interaction demo, which loads only into an empty mailbox).
        await Qa.Ask.QaAskDemo.LoadAsync(sp, ct);
    }
}

/// <param name="PublishedOn">The document's 发布日期 on the district's site (see the manifest's note on each entry).</param>
/// <param name="Ledger">The document is a 工作要点: also import it as a work ledger.</param>
public sealed record DemoDocument(string File, List<string> Columns, string? Topic, string? Genre, string? Keywords, string? Issuer, string? IssuerNote,
    DateOnly PublishedOn, bool Ledger = false);

/// <summary>Text of a single-page column (HTML, sanitised on load).</summary>
public sealed record DemoPage(string Column, string File);

public sealed record DemoManifest(List<DemoDocument> Documents, List<DemoPage> Pages);
