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
        string? TopicCategory, string? Genre, Validity Validity, DateTimeOffset? PublishedAt, DateOnly? WrittenOn, string Owner, string? ExternalIssuer,
        DocumentStatus Status, DisclosureAttribute Disclosure);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(ZwgkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        await LoadRowsAsync(db, db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)), null, ct);

    /// <summary>Every public document, by ranges of ids. Each range is read through the primary key (of the documents and of
    /// their issuers, columns and relations), so every batch costs the same however far the rebuild has gone: a
    /// "public, id above the last, first N" query let SQLite pick the status index and re-read every published row
    /// per batch (quadratic: 960 documents/s at 100,000), and lists of 2,000 ids were 2,000 parameters per query.</summary>
    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(ZwgkDbContext db, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var maxId = await db.Documents.MaxAsync(d => (int?)d.Id, ct) ?? 0;
        for (int lo = 0; lo < maxId; lo += batchSize)
        {
            int from = lo, to = lo + batchSize;
            var batch = await LoadRowsAsync(db, db.Documents.AsNoTracking().Where(d => d.Id > from && d.Id <= to), (from, to), ct);
            if (batch.Count > 0) yield return batch;
        }
    }

    private async Task<List<SearchDocument>> LoadRowsAsync(ZwgkDbContext db, IQueryable<Document> query, (int From, int To)? range, CancellationToken ct)
    {
        // Public or not is decided here, not in SQL: a status condition would steer SQLite off the primary key (see above).
        var rows = (await query.Select(d => new Row(d.Id, d.Title, d.DocumentNumber, d.IndexNumber, d.Keywords, d.Summary, d.BodyHtml, d.TopicCategory,
            d.Genre, d.Validity, d.PublishedAt, d.WrittenOn, d.OwnerUnit!.Name, d.ExternalIssuer, d.Status, d.Disclosure)).ToListAsync(ct))
            .Where(r => new Document { Status = r.Status, Disclosure = r.Disclosure }.IsPublic).ToList();
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var issuerRows = db.DocumentIssuers.AsNoTracking();
        var columnRows = db.DocumentColumns.AsNoTracking();
        var relationRows = db.DocumentRelations.AsNoTracking();
        if (range is var (from, to))
        {
            issuerRows = issuerRows.Where(i => i.DocumentId > from && i.DocumentId <= to);
            columnRows = columnRows.Where(c => c.DocumentId > from && c.DocumentId <= to);
            relationRows = relationRows.Where(r => r.FromDocumentId > from && r.FromDocumentId <= to);
        }
        else
        {
            issuerRows = issuerRows.Where(i => ids.Contains(i.DocumentId));
            columnRows = columnRows.Where(c => ids.Contains(c.DocumentId));
            relationRows = relationRows.Where(r => ids.Contains(r.FromDocumentId));
        }
        var issuers = (await issuerRows.Select(i => new { i.DocumentId, i.Order, i.Unit!.Name }).ToListAsync(ct))
            .GroupBy(i => i.DocumentId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Order).Select(i => i.Name).ToList());
        var columns = (await columnRows.Select(c => new { c.DocumentId, c.ColumnId, c.Column!.Slug }).ToListAsync(ct))
            .GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var interpreting = (await relationRows.Where(r => r.Type == RelationType.Interprets).Select(r => r.FromDocumentId).Distinct().ToListAsync(ct)).ToHashSet();
        // A document with an interpretation profile is an interpretation even before it is linked to its policy.
        var profiles = range is var (pFrom, pTo)
            ? db.InterpretationProfiles.AsNoTracking().Where(p => p.DocumentId > pFrom && p.DocumentId <= pTo)
            : db.InterpretationProfiles.AsNoTracking().Where(p => ids.Contains(p.DocumentId));
        interpreting.UnionWith(await profiles.Select(p => p.DocumentId).ToListAsync(ct));

        return rows.AsParallel().AsOrdered().Select(r =>
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
