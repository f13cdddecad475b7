using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents.Admin;

/// <summary>One element of two versions side by side; Diff is set when the values differ.</summary>
public sealed record FieldComparison(string Label, string From, string To, IReadOnlyList<DiffSegment>? Diff);

/// <summary>
/// Compares two saved versions of a document (/admin/documents/{id}/versions?from=&amp;to=): the elements field by field and
/// the body word by word. Only for documents the user may see; another unit's document answers as a missing one.
/// </summary>
public sealed class VersionsModel(ZwgkDbContext db, CurrentUser user) : AdminPageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public List<DocumentVersion> All { get; private set; } = [];
    public DocumentVersion? From { get; private set; }
    public DocumentVersion? To { get; private set; }
    public List<FieldComparison> Fields { get; private set; } = [];
    public IReadOnlyList<DiffSegment> Body { get; private set; } = [];
    public bool BodyChanged { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        var doc = await user.Scope(db.Documents.AsNoTracking()).Where(d => d.Id == id).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(ct);
        if (doc is null) return NotFound();
        Id = doc.Id;
        Title = doc.Title;
        All = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        if (All.Count == 0) return Page();
        To = (to is int t ? All.FirstOrDefault(v => v.Version == t) : null) ?? All[0];
        From = (from is int f ? All.FirstOrDefault(v => v.Version == f) : null) ?? All.FirstOrDefault(v => v.Version < To.Version) ?? To;

        var before = Read(From.SnapshotJson);
        var after = Read(To.SnapshotJson);
        var names = await NamesAsync(before, after, ct);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            if (key == "正文") continue;
            var a = Display(key, before.GetValueOrDefault(key), names);
            var b = Display(key, after.GetValueOrDefault(key), names);
            Fields.Add(new FieldComparison(key, a, b, a == b ? null : TextDiff.Compare(a, b)));
        }
        var bodyBefore = TextDiff.HtmlToText(before.GetValueOrDefault("正文"));
        var bodyAfter = TextDiff.HtmlToText(after.GetValueOrDefault("正文"));
        BodyChanged = bodyBefore != bodyAfter;
        Body = TextDiff.Compare(bodyBefore, bodyAfter);
        return Page();
    }

    private static Dictionary<string, string?> Read(string json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        foreach (var p in doc.RootElement.EnumerateObject())
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => "是",
                JsonValueKind.False => "否",
                _ => p.Value.GetRawText(),
            };
        return result;
    }

    /// <summary>Unit and column ids in snapshots, shown by name.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(Dictionary<string, string?> a, Dictionary<string, string?> b, CancellationToken ct)
    {
        static IEnumerable<int> Ids(string? v) => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0).Where(i => i > 0);
        var units = Ids(a.GetValueOrDefault("所属单位")).Concat(Ids(b.GetValueOrDefault("所属单位"))).Concat(Ids(a.GetValueOrDefault("发文机关"))).Concat(Ids(b.GetValueOrDefault("发文机关"))).Distinct().ToList();
        var columns = Ids(a.GetValueOrDefault("栏目")).Concat(Ids(b.GetValueOrDefault("栏目"))).Distinct().ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var u in await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct)) names["u" + u.Id] = u.Name;
        foreach (var c in await db.Columns.AsNoTracking().Where(c => columns.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)) names["c" + c.Id] = c.Name;
        return names;
    }

    private static string Display(string key, string? value, Dictionary<string, string> names)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var prefix = key switch { "所属单位" or "发文机关" => "u", "栏目" => "c", _ => null };
        if (prefix is null) return value;
        return string.Join("、", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => names.GetValueOrDefault(prefix + id, "#" + id)));
    }
}
