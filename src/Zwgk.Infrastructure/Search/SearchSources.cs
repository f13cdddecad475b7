using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Search;

namespace Zwgk.Infrastructure.Search;

/// <summary>Loads searchable content of one type from the database. Only what the public may see is returned:
/// anything else (draft, in review, withdrawn, 依申请公开, deleted) comes back as "absent" and is removed from the index.</summary>
public interface ISearchSource
{
    /// <summary>Task content type this source answers for.</summary>
    string ContentType { get; }

    /// <summary>Current public state of each id; ids missing from the result are to be deleted from the index.</summary>
    Task<IReadOnlyList<SearchDocument>> LoadAsync(ZwgkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>Index keys of the given ids (to delete the absent ones).</summary>
    string KeyOf(int id);

    /// <summary>Every public item, in batches, for a rebuild.</summary>
    IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(ZwgkDbContext db, int batchSize, CancellationToken ct);
}

public sealed partial class DocumentSearchSource : ISearchSource
{
    public string ContentType => SearchContentTypes.Document;

    public string KeyOf(int id) => "document:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Row(int Id, string Title, string? DocumentNumber, string? IndexNumber, string? Keywords, string? Summary, string BodyHtml,
        string? TopicCategory, string? Genre, Validity Validity, DateTimeOffset? PublishedAt, DateOnly? WrittenOn, string Owner, string? ExternalIssuer);

    private static IQueryable<Document> Public(ZwgkDbContext db) => db.Documents.AsNoTracking()
        .Where(d => d.Status == DocumentStatus.Published && d.Disclosure == DisclosureAttribute.Proactive);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(ZwgkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        await LoadRowsAsync(db, Public(db).Where(d => ids.Contains(d.Id)), ct);

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(ZwgkDbContext db, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        int after = 0;
        while (true)
        {
            var last = after;
            var batch = await LoadRowsAsync(db, Public(db).Where(d => d.Id > last).OrderBy(d => d.Id).Take(batchSize), ct);
            if (batch.Count == 0) yield break;
            yield return batch;
            after = batch.Max(b => int.Parse(b.Key.AsSpan("document:".Length), System.Globalization.CultureInfo.InvariantCulture));
            if (batch.Count < batchSize) yield break;
        }
    }

    private async Task<List<SearchDocument>> LoadRowsAsync(ZwgkDbContext db, IQueryable<Document> query, CancellationToken ct)
    {
        var rows = await query.Select(d => new Row(d.Id, d.Title, d.DocumentNumber, d.IndexNumber, d.Keywords, d.Summary, d.BodyHtml, d.TopicCategory,
            d.Genre, d.Validity, d.PublishedAt, d.WrittenOn, d.OwnerUnit!.Name, d.ExternalIssuer)).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var issuers = (await db.DocumentIssuers.AsNoTracking().Where(i => ids.Contains(i.DocumentId))
                .Select(i => new { i.DocumentId, i.Order, i.Unit!.Name }).ToListAsync(ct))
            .GroupBy(i => i.DocumentId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Order).Select(i => i.Name).ToList());
        var columns = (await db.DocumentColumns.AsNoTracking().Where(c => ids.Contains(c.DocumentId))
                .Select(c => new { c.DocumentId, c.ColumnId, c.Column!.Slug }).ToListAsync(ct))
            .GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var interpreting = (await db.DocumentRelations.AsNoTracking().Where(r => ids.Contains(r.FromDocumentId) && r.Type == RelationType.Interprets)
            .Select(r => r.FromDocumentId).Distinct().ToListAsync(ct)).ToHashSet();

        return rows.Select(r =>
        {
            var cols = columns.GetValueOrDefault(r.Id) ?? [];
            // An interpretation is a document that interprets another, is filed under 政策解读, or is of the 解读 genre.
            bool interpretation = interpreting.Contains(r.Id) || r.Genre == "解读" || cols.Any(c => c.Slug == "zcjd");
            return new SearchDocument
            {
                Key = KeyOf(r.Id),
                ContentType = interpretation ? SearchContentTypes.Interpretation : SearchContentTypes.Document,
                Title = r.Title,
                Url = "/doc/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DocumentNumber = r.DocumentNumber,
                IndexNumber = r.IndexNumber,
                Keywords = r.Keywords,
                Summary = r.Summary,
                Body = HtmlToText(r.BodyHtml),
                Agencies = issuers.GetValueOrDefault(r.Id) is { Count: > 0 } names ? names : [r.ExternalIssuer ?? r.Owner],
                Topic = r.TopicCategory,
                Genre = r.Genre,
                Validity = r.Validity.Label(),
                PublishedAt = r.PublishedAt,
                WrittenOn = r.WrittenOn,
                Columns = cols.Select(c => c.ColumnId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            };
        }).ToList();
    }

    /// <summary>Sanitised body HTML to plain text: block ends become line breaks, entities decoded.</summary>
    public static string HtmlToText(string html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var withBreaks = BlockEnd().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(Tag().Replace(withBreaks, ""));
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(t);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|table|blockquote|pre)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
