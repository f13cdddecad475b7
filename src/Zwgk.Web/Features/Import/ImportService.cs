using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Import;

/// <summary>Result of importing one file; Missing lists the elements the text did not contain (never guessed).</summary>
public sealed record ImportOutcome(string File, string? Title, string? DocumentNumber, string? IssuingAgency, DateOnly? WrittenOn,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Notes, int? DocumentId, bool Duplicate, string? Error)
{
    /// <summary>All issuing agencies (joint documents), lead first.</summary>
    public IReadOnlyList<string> IssuingAgencies { get; init; } = [];
    /// <summary>发文字号 as typed in the source.</summary>
    public string? DocumentNumberOriginal { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? IndexNumber { get; init; }
    /// <summary>Where the page's 信息索引表 disagreed with the document (the document's value was kept).</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];
    /// <summary>True when 发文机关 is an outside agency kept as text (上级文件).</summary>
    public bool ExternalIssuer { get; init; }
    public bool Published { get; init; }
}

/// <summary>How one imported document is stored, beyond what its text says.</summary>
public sealed record ImportTarget
{
    public bool Publish { get; init; }
    /// <summary>Owning (publishing) unit; default: the user's unit, or the matched issuing agency for system imports.</summary>
    public int? UnitId { get; init; }
    public DemoEntry? Demo { get; init; }
    /// <summary>Migrated from an old site: its 索引号 and 发布日期 are kept, marked as migrated.</summary>
    public bool Migrated { get; init; }
    public string? SourceUrl { get; init; }
    public IReadOnlyList<int> ColumnIds { get; init; } = [];
    /// <summary>Files to attach (absolute paths, checked by the caller to lie inside the imported folder).</summary>
    public IReadOnlyList<string> AttachmentPaths { get; init; } = [];
}

public sealed class ImportService(
    ZwgkDbContext db, DocumentService documents, CurrentUser user, ContentStore files, TimeProvider clock,
    IOptions<ImportLimits> limits, ILogger<ImportService> log)
{
    public ImportLimits Limits => limits.Value;

    public async Task<ImportOutcome> ImportFileAsync(string path, bool publish = false, int? unitId = null, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, Path.GetFileName(path), publish, unitId, null, ct);
    }

    /// <summary>Imports one file as a draft of the given unit (default: the user's unit, or the matched issuing agency for system imports).</summary>
    public Task<ImportOutcome> ImportAsync(Stream stream, string fileName, bool publish, int? unitId, DemoEntry? demo, CancellationToken ct = default) =>
        ImportAsync(stream, fileName, new ImportTarget { Publish = publish, UnitId = unitId, Demo = demo }, ct);

    public async Task<ImportOutcome> ImportAsync(Stream stream, string fileName, ImportTarget target, CancellationToken ct = default)
    {
        if (!ImportFormats.IsSupported(fileName)) return Failed(fileName, ImportFormats.UnsupportedMessage(fileName));
        byte[] bytes;
        try { bytes = await ReadLimitedAsync(stream, ct); }
        catch (ImportRejectedException ex) { return Failed(fileName, ex.Message); }
        string text;
        try { text = DocumentTextReader.ReadText(new MemoryStream(bytes, writable: false), fileName, Limits); }
        catch (Exception ex) when (ex is ImportRejectedException or NotSupportedException) { return Failed(fileName, ex.Message); }

        var candidate = DocumentExtractor.Extract(text, fileName);
        return await CreateAsync(candidate, fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), target, ct);
    }

    private async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > Limits.MaxFileBytes) throw new ImportRejectedException($"文件超过{Limits.MaxFileMegabytes}MB的导入上限");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Stores an extracted document (draft, or published with <see cref="ImportTarget.Publish"/>); a known <paramref name="hash"/> is a duplicate.</summary>
    public async Task<ImportOutcome> CreateAsync(ImportCandidate c, string fileName, string hash, ImportTarget target, CancellationToken ct = default)
    {
        var existing = await db.Documents.Where(d => d.SourceHash == hash).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return Outcome(fileName, c, [.. c.Notes], existing, duplicate: true, external: false, published: false);

        var notes = c.Notes.ToList();
        var demo = target.Demo;
        IReadOnlyList<string> agencies = demo?.Issuer is { } demoIssuer ? [demoIssuer] : c.IssuingAgencies;
        var names = agencies.Distinct().ToList();
        var units = await db.Units.Where(u => names.Contains(u.Name)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var issuerIds = agencies.Select(a => units.FirstOrDefault(u => u.Name == a)?.Id).OfType<int>().Distinct().ToList();
        var unmatched = agencies.Where(a => units.All(u => u.Name != a)).ToList();
        string? externalIssuer = null;
        if (issuerIds.Count == 0 && unmatched.Count > 0)
        {
            // Another government's document (上级文件) reposted here: its 发文机关 is kept as text, the publisher is ours.
            externalIssuer = string.Join("、", unmatched);
            if (externalIssuer.Length > Domain.Shared.FieldLengths.ExternalIssuer) externalIssuer = externalIssuer[..Domain.Shared.FieldLengths.ExternalIssuer];
            notes.Add($"发文机关“{externalIssuer}”不是本系统中的单位，按外单位发文机关保存");
        }
        else if (unmatched.Count > 0)
        {
            notes.Add($"联合发文机关“{string.Join("、", unmatched)}”未匹配到系统中的单位，请在编辑时核对");
        }
        if (demo?.IssuerNote is { } note) notes.Add(note);

        var owner = target.UnitId ?? (user.IsAuthenticated ? user.UnitId : issuerIds.Count > 0 ? issuerIds[0] : null);
        owner ??= await db.Units.Where(u => u.Kind == Domain.Units.UnitKind.GovernmentOffice).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (user.IsAuthenticated && !user.CanAccessUnit(owner ?? 0)) return Failed(fileName, "只能导入到本单位");

        var columnIds = target.ColumnIds.ToList();
        if (demo is not null) columnIds.AddRange(await db.Columns.Where(col => demo.Columns.Contains(col.Slug)).Select(col => col.Id).ToListAsync(ct));
        var topic = demo?.Topic ?? MapTopic(c.TopicCategory, notes);
        var input = new DocumentInput
        {
            Title = c.Title ?? Path.GetFileNameWithoutExtension(fileName),
            DocumentNumber = c.DocumentNumber,
            WrittenOn = c.WrittenOn,
            BodyHtml = c.BodyHtml,
            OwnerUnitId = owner ?? 0,
            IssuerUnitIds = issuerIds,
            ExternalIssuer = externalIssuer,
            ColumnIds = columnIds,
            TopicCategory = topic,
            Genre = demo?.Genre ?? Genres.FromTitle(c.Title ?? ""),
            Keywords = demo?.Keywords,
            // Only a migrated page's 索引号 is ours; another portal's 索引号 belongs to that portal.
            IndexNumber = target.Migrated ? c.IndexNumber : null,
        };
        if (!target.Migrated && c.IndexNumber is not null) notes.Add($"来源页面的索引号“{c.IndexNumber}”属于原网站，未沿用（发布时由本系统分配）");
        var saved = await documents.SaveAsync(null, input, ct, systemImport: !user.IsAuthenticated);
        if (!saved.Ok)
            return Failed(fileName, saved.Message) with { Title = c.Title, DocumentNumber = c.DocumentNumber, Missing = c.Missing };

        var doc = await db.Documents.Include(d => d.Attachments).FirstAsync(d => d.Id == saved.Id, ct);
        doc.SourceHash = hash;
        doc.SourceFileName = fileName.Length > 260 ? fileName[^260..] : fileName;
        doc.SourceUrl = target.SourceUrl is { Length: > Domain.Shared.FieldLengths.SourceUrl } url ? url[..Domain.Shared.FieldLengths.SourceUrl] : target.SourceUrl;
        if (target.Migrated)
        {
            doc.Migrated = true;
            // The old site's 发布日期 stays the document's 发布日期 (publication keeps a date already set).
            // Midnight China time of that day, stored in UTC (PostgreSQL's timestamptz takes UTC only).
            if (c.PublishedOn is { } on) doc.PublishedAt = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), Shared.Formats.ChinaOffset).ToUniversalTime();
        }
        await AttachAsync(doc, target.AttachmentPaths, notes, ct);
        await db.SaveChangesAsync(ct);

        var published = false;
        if (target.Publish)
        {
            var result = await documents.PublishAsSystemAsync(doc.Id, $"导入发布：{fileName}", ct);
            if (result.Ok) published = true;
            else notes.Add("未能直接发布：" + result.Message);
        }
        log.LogInformation("Imported {File} as document {Id}", fileName, doc.Id);
        return Outcome(fileName, c, notes, doc.Id, duplicate: false, external: externalIssuer is not null, published);
    }

    private async Task AttachAsync(Domain.Documents.Document doc, IReadOnlyList<string> paths, List<string> notes, CancellationToken ct)
    {
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            try
            {
                await using var stream = File.OpenRead(path);
                var stored = await files.SaveAsync(stream, name, ct);
                doc.Attachments.Add(new Attachment
                {
                    FileName = name.Length > 200 ? name[^200..] : name, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
                    Order = doc.Attachments.Count, CreatedAt = clock.GetUtcNow(),
                });
            }
            catch (Exception ex) when (ex is FileRejectedException or IOException or UnauthorizedAccessException)
            {
                notes.Add($"附件“{name}”未导入：{(ex is FileRejectedException ? ex.Message : "无法读取文件")}");
            }
        }
    }

    /// <summary>A page's 主题分类 mapped onto the national list: "一级\二级", "一级/二级", a unique 二级 label, or a 一级 label.</summary>
    private static string? MapTopic(string? raw, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Trim().Replace('/', '\\').Replace('／', '\\').Replace('＼', '\\').Replace('>', '\\').Replace(" ", "");
        if (TopicCategories.IsValid(value)) return value;
        var byChild = TopicCategories.Tree.Where(t => t.Children.Contains(value)).Select(t => $"{t.Name}\\{value}").ToList();
        if (byChild.Count == 1) return byChild[0];
        var last = value.Split('\\')[^1];
        byChild = TopicCategories.Tree.Where(t => t.Children.Contains(last)).Select(t => $"{t.Name}\\{last}").ToList();
        if (byChild.Count == 1) return byChild[0];
        notes.Add($"主题分类“{raw.Trim()}”不在国家主题分类表中，未填写");
        return null;
    }

    private static ImportOutcome Outcome(string file, ImportCandidate c, List<string> notes, int? id, bool duplicate, bool external, bool published) =>
        new(file, c.Title, c.DocumentNumber, c.IssuingAgency, c.WrittenOn, c.Missing, notes, id, duplicate, null)
        {
            IssuingAgencies = c.IssuingAgencies, DocumentNumberOriginal = c.DocumentNumberOriginal, PublishedOn = c.PublishedOn,
            IndexNumber = c.IndexNumber, Conflicts = c.Conflicts, ExternalIssuer = external, Published = published,
        };

    public static ImportOutcome Failed(string file, string error) => new(file, null, null, null, null, [], [], null, false, error);
}

public sealed record DemoEntry(string File, List<string> Columns, string? Topic, string? Genre, string? Keywords, string? Issuer, string? IssuerNote);
