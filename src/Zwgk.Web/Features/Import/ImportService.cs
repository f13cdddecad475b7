using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Import;

/// <summary>Result of importing one file; Missing lists the elements the text did not contain (never guessed).</summary>
public sealed record ImportOutcome(string File, string? Title, string? DocumentNumber, string? IssuingAgency, DateOnly? WrittenOn,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Notes, int? DocumentId, bool Duplicate, string? Error);

public sealed class ImportService(ZwgkDbContext db, DocumentService documents, CurrentUser user, IWebHostEnvironment env, ILogger<ImportService> log)
{
    public static readonly string[] SupportedExtensions = [".txt", ".md", ".html", ".htm", ".docx"];

    public async Task<ImportOutcome> ImportFileAsync(string path, bool publish = false, int? unitId = null, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, Path.GetFileName(path), publish, unitId, null, ct);
    }

    /// <summary>Imports one file as a draft of the given unit (default: the user's unit, or the matched issuing agency for system imports).</summary>
    public async Task<ImportOutcome> ImportAsync(Stream stream, string fileName, bool publish, int? unitId, DemoEntry? demo, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try { text = DocumentTextReader.ReadText(new MemoryStream(bytes), fileName); }
        catch (Exception ex) when (ex is NotSupportedException or InvalidDataException or FormatException or IOException or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return Failed(fileName, ex is NotSupportedException ? ex.Message : $"无法读取文件：{ex.Message}");
        }

        var c = DocumentExtractor.Extract(text, fileName);
        var existing = await db.Documents.Where(d => d.SourceHash == hash).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
            return new ImportOutcome(fileName, c.Title, c.DocumentNumber, c.IssuingAgency, c.WrittenOn, c.Missing, c.Notes, existing, true, null);

        var notes = c.Notes.ToList();
        var agencyName = demo?.Issuer ?? c.IssuingAgency;
        var issuer = agencyName is null ? null : await db.Units.Where(u => u.Name == agencyName).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (agencyName is not null && issuer is null) notes.Add($"发文机关“{agencyName}”未匹配到系统中的单位，请在编辑时选择");
        if (demo?.IssuerNote is { } note) notes.Add(note);

        var owner = unitId ?? (user.IsAuthenticated ? user.UnitId : issuer);
        owner ??= await db.Units.Where(u => u.Kind == Domain.Units.UnitKind.GovernmentOffice).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (user.IsAuthenticated && !user.CanAccessUnit(owner ?? 0)) return Failed(fileName, "只能导入到本单位");

        var columnIds = demo is null ? [] : await db.Columns.Where(col => demo.Columns.Contains(col.Slug)).Select(col => col.Id).ToListAsync(ct);
        var input = new DocumentInput
        {
            Title = c.Title ?? Path.GetFileNameWithoutExtension(fileName),
            DocumentNumber = c.DocumentNumber,
            WrittenOn = c.WrittenOn,
            BodyHtml = c.BodyHtml,
            OwnerUnitId = owner ?? 0,
            IssuerUnitIds = issuer is int i ? [i] : [],
            ColumnIds = columnIds,
            TopicCategory = demo?.Topic,
            Genre = demo?.Genre ?? Genres.FromTitle(c.Title ?? ""),
            Keywords = demo?.Keywords,
        };
        var saved = await documents.SaveAsync(null, input, ct, systemImport: !user.IsAuthenticated);
        if (!saved.Ok) return Failed(fileName, saved.Message) with { Title = c.Title, DocumentNumber = c.DocumentNumber, Missing = c.Missing };
        var doc = await db.Documents.FirstAsync(d => d.Id == saved.Id, ct);
        doc.SourceHash = hash;
        doc.SourceFileName = fileName;
        await db.SaveChangesAsync(ct);
        if (publish)
        {
            var published = await documents.PublishAsSystemAsync(doc.Id, $"导入发布：{fileName}", ct);
            if (!published.Ok) notes.Add("未能直接发布：" + published.Message);
        }
        log.LogInformation("Imported {File} as document {Id}", fileName, doc.Id);
        return new ImportOutcome(fileName, c.Title, c.DocumentNumber, c.IssuingAgency, c.WrittenOn, c.Missing, notes, doc.Id, false, null);
    }

    private static ImportOutcome Failed(string file, string error) => new(file, null, null, null, null, [], [], null, false, error);

    /// <summary>Loads the bundled demo documents (public documents marked 此件公开发布) and publishes them.</summary>
    public async Task ImportDemoContentAsync(CancellationToken ct = default)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "DemoData");
        if (!Directory.Exists(dir)) dir = Path.Combine(env.ContentRootPath, "DemoData");
        var manifestPath = Path.Combine(dir, "manifest.json");
        if (!File.Exists(manifestPath)) return;
        var manifest = JsonSerializer.Deserialize<DemoManifest>(await File.ReadAllTextAsync(manifestPath, ct), JsonSerializerOptions.Web)!;
        foreach (var entry in manifest.Documents)
        {
            await using var stream = File.OpenRead(Path.Combine(dir, entry.File));
            var outcome = await ImportAsync(stream, entry.File, publish: true, unitId: null, entry, ct);
            if (outcome.Error is not null) log.LogWarning("Demo import of {File} failed: {Error}", entry.File, outcome.Error);
        }
    }
}

public sealed record DemoManifest(List<DemoEntry> Documents);
public sealed record DemoEntry(string File, List<string> Columns, string? Topic, string? Genre, string? Keywords, string? Issuer, string? IssuerNote);
