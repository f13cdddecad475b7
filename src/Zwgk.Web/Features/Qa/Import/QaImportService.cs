using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Ledger;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Shared;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Search.Text;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Ledger;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Qa.Import;

public sealed record QaImportRowResult(int Row, string Action, int? Id, string Question);

/// <summary>What an import did; the CLI's --json prints the first five fields.</summary>
public sealed record QaImportSummary(int Imported, int Updated, int Skipped, IReadOnlyList<QaSheetError> Errors, IReadOnlyList<UnconfirmedUnitName> UnknownUnits,
    IReadOnlyList<QaImportRowResult> Rows, string FileName, bool Published);

/// <summary>Who imports: the platform (command line), the 公开办, or a unit's staff (whose entries land in their own unit, in review).</summary>
public sealed record QaImporter(bool Platform, bool Office, int? UnitId, string Name, string? UserId)
{
    public static QaImporter CommandLine { get; } = new(true, true, null, "命令行导入", null);
}

/// <summary>
/// Turns the rows of a FAQ sheet into entries: unit names resolved against the directory (full name, short name, suffix
/// variants, aliases), unknown ones kept as written for the 公开办 to confirm (never blocking); 政策依据 matched to a public
/// library document by 文号 or exact title. The same question for the same unit is found again on re-import (updated when
/// its text changed, else skipped), so importing a sheet twice never duplicates it.
/// </summary>
public sealed partial class QaImportService(ZwgkDbContext db, AuditLog audit, TimeProvider clock, IOptions<QaOptions> options, IOptions<ImportLimits> limits,
    IOutputCacheStore cache, CurrentUser user)
{
    public QaImporter CurrentImporter() => new(false, user.SpansAllUnits, user.SpansAllUnits ? null : user.UnitId,
        FieldLengths.Clip(user.UserName ?? "工作人员", FieldLengths.PersonName), user.UserId);

    /// <exception cref="ImportRejectedException">The file cannot be read (message in Chinese).</exception>
    public async Task<QaImportSummary> ImportAsync(byte[] bytes, string fileName, bool publish, QaImporter by, CancellationToken ct = default)
    {
        var name = FieldLengths.Clip(Path.GetFileName(fileName), FieldLengths.FileName);
        var sheet = QaSheetReader.Read(bytes, name, limits.Value);
        return await ImportAsync(sheet, name, publish, by, ct);
    }

    public async Task<QaImportSummary> ImportAsync(QaSheet sheet, string fileName, bool publish, QaImporter by, CancellationToken ct = default)
    {
        // Only the platform (CLI) and the 公开办 publish on import; a unit's sheet goes to its reviewers.
        publish &= by.Office;
        var now = clock.GetUtcNow();
        var today = Formats.Today(clock);
        var resolver = new UnitResolver(await LedgerImportService.DirectoryAsync(db, ct));
        var errors = sheet.Errors.ToList();
        var rows = new List<(int Row, string Action, QaItem? Item, string Question)>();
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        int imported = 0, updated = 0, skipped = 0;

        var existing = await db.QaItems.Where(q => by.UnitId == null || q.UnitId == by.UnitId).ToListAsync(ct);
        var byKey = new Dictionary<string, QaItem>(StringComparer.Ordinal);
        foreach (var q in existing) byKey.TryAdd(Key(q.Question, q.UnitId, q.UnitNameAsWritten), q);
        var documents = await BasisIndexAsync(sheet.Rows.Select(r => r.Basis), ct);
        var seenInSheet = new HashSet<string>(StringComparer.Ordinal);

        foreach (var r in sheet.Rows)
        {
            int? unitId = null;
            string? written = null;
            if (r.Unit is { } u)
            {
                var res = resolver.Resolve(ChineseNormalizer.ToSimplified(u));
                if (res.IsResolved && res.Units.Count == 1) unitId = res.Units[0].Id;
                else written = FieldLengths.Clip(u, FieldLengths.UnitName);
            }
            if (by.UnitId is int own)
            {
                if (unitId is int other && other != own) { errors.Add(new QaSheetError(r.Row, $"责任单位“{r.Unit}”不是本单位，已跳过（其他单位的问答由该单位或公开办导入）")); continue; }
                unitId = own;
                written = null;
            }
            else if (unitId is null && written is null) { errors.Add(new QaSheetError(r.Row, "缺少责任单位，已跳过")); continue; }
            if (written is not null) unknown[written] = unknown.GetValueOrDefault(written) + 1;

            var key = Key(r.Question!, unitId, written);
            if (!seenInSheet.Add(key)) { skipped++; rows.Add((r.Row, "与表格中前面的行重复，跳过", null, r.Question!)); continue; }

            DateOnly? reviewOn = null;
            if (r.ReviewOn is { } ro)
            {
                if (ParseDate(ro) is { } d) reviewOn = d;
                else { errors.Add(new QaSheetError(r.Row, $"复核日期“{FieldLengths.Clip(ro, 20)}”无法识别（应为 YYYY-MM-DD），已按默认复核日期处理")); }
            }
            int? basisDoc = r.Basis is not null && documents.TryGetValue(r.Basis, out var docId) ? docId : null;
            var draft = new QaItem
            {
                Question = r.Question!, Answer = r.Answer!.Replace("\r\n", "\n"), Alternatives = QaEditing.NormalizeAlternatives(r.Alternatives), Topic = r.Topic,
                Basis = r.Basis, BasisDocumentId = basisDoc, BasisClause = Clause(r.Basis), UnitId = unitId, UnitNameAsWritten = written, ReviewOn = reviewOn,
            };
            var invalid = QaEditing.Validate(draft);
            if (invalid.Count > 0) { errors.Add(new QaSheetError(r.Row, string.Join("；", invalid.Values) + "，已跳过")); continue; }

            if (byKey.TryGetValue(key, out var q))
            {
                if (Same(q, draft)) { skipped++; rows.Add((r.Row, "已存在且内容相同，跳过", q, q.Question)); continue; }
                if (q.Status == QaStatus.InReview || (q.Status == QaStatus.Published && !by.Office))
                {
                    errors.Add(new QaSheetError(r.Row, $"问答 #{q.Id} {(q.Status == QaStatus.InReview ? "正在审核中" : "已发布")}，未更新；请在后台修改"));
                    continue;
                }
                q.Answer = draft.Answer; q.Alternatives = draft.Alternatives ?? q.Alternatives; q.Topic = draft.Topic ?? q.Topic; q.Basis = draft.Basis ?? q.Basis;
                q.BasisDocumentId = draft.BasisDocumentId ?? q.BasisDocumentId; q.BasisClause = draft.BasisClause ?? q.BasisClause; q.ReviewOn = draft.ReviewOn ?? q.ReviewOn;
                q.SourceFileName = fileName; q.UpdatedAt = now; q.Version++;
                if (q.Status == QaStatus.Published) q.ConfirmedAt = now;
                else if (publish) Publish(q, now, today);
                updated++;
                rows.Add((r.Row, q.Status == QaStatus.Published ? "已更新（已发布）" : "已更新", q, q.Question));
                audit.Add("qa.import.update", QaService.EntityType, q.Id, $"导入更新政策问答 #{q.Id}：{q.Question}（{fileName} 第{r.Row}行）", unitId: q.UnitId, actor: (by.UserId, by.Name));
                continue;
            }

            draft.SourceFileName = fileName;
            draft.CreatedAt = draft.UpdatedAt = now;
            draft.CreatedBy = by.Name;
            draft.CreatedByUserId = by.UserId;
            if (publish) Publish(draft, now, today);
            // A unit's own sheet is its submission: it waits for a reviewer other than the importer.
            else if (!by.Office && unitId is not null) draft.Status = QaStatus.InReview;
            db.QaItems.Add(draft);
            byKey[key] = draft;
            imported++;
            rows.Add((r.Row, publish ? "新增并发布" : draft.Status == QaStatus.InReview ? "新增，待审核" : "新增（草稿）", draft, draft.Question));
        }
        await db.SaveChangesAsync(ct);
        // Ids of new entries exist now: audit each creation.
        foreach (var (_, action, item, _) in rows)
            if (item is not null && action.StartsWith("新增", StringComparison.Ordinal))
                audit.Add("qa.import.create", QaService.EntityType, item.Id, $"导入政策问答 #{item.Id}：{item.Question}（{fileName}）", unitId: item.UnitId, actor: (by.UserId, by.Name));
        var unknownList = unknown.Select(x => new UnconfirmedUnitName(x.Key, x.Value)).OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        audit.Add("qa.import", QaService.EntityType, null,
            $"导入问答表格 {fileName}：新增 {imported} 条，更新 {updated} 条，跳过 {skipped} 条，错误 {errors.Count} 行，待确认单位 {unknownList.Count} 个{(publish ? "（直接发布）" : "")}",
            actor: (by.UserId, by.Name));
        await db.SaveChangesAsync(ct);
        if (publish || updated > 0) await cache.InvalidatePortalAsync(ct);
        return new QaImportSummary(imported, updated, skipped, errors.OrderBy(e => e.Row).ToList(), unknownList,
            rows.Select(x => new QaImportRowResult(x.Row, x.Action, x.Item?.Id, x.Question)).ToList(), fileName, publish);
    }

    private void Publish(QaItem q, DateTimeOffset now, DateOnly today)
    {
        q.Status = QaStatus.Published;
        q.PublishedAt ??= now;
        q.ConfirmedAt = now;
        q.ReviewOn ??= QaEditing.DefaultReviewOn(today, options.Value.ReviewMonths);
        q.ReviewedBy = "导入时直接发布";
    }

    private static string Key(string question, int? unitId, string? written) =>
        QaEditing.QuestionKey(question) + "\u0001" + (unitId is int u ? "u" + u : "w" + (written ?? "").Trim());

    private static bool Same(QaItem a, QaItem b) =>
        a.Answer.Trim() == b.Answer.Trim() && (b.Alternatives is null || a.Alternatives == b.Alternatives) && (b.Topic is null || a.Topic == b.Topic)
        && (b.Basis is null || a.Basis == b.Basis) && (b.ReviewOn is null || a.ReviewOn == b.ReviewOn);

    /// <summary>Basis text → public document id, by the 文号 it quotes or the title it names (《…》 or the whole text).</summary>
    private async Task<Dictionary<string, int>> BasisIndexAsync(IEnumerable<string?> texts, CancellationToken ct)
    {
        var wanted = texts.Where(t => t is not null).Select(t => t!).Distinct().ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (wanted.Count == 0) return result;
        var numbers = new Dictionary<string, List<string>>();
        var titles = new Dictionary<string, List<string>>();
        foreach (var t in wanted)
        {
            numbers[t] = DocumentNumber.FindAll(t).Select(n => DocumentNumber.Normalize(n)).Where(n => n.IsValid && n.Value is not null).Select(n => n.Value!).ToList();
            titles[t] = TitleQuote().Matches(t).Select(m => m.Groups[1].Value.Trim()).Append(t.Trim()).Where(x => x.Length > 0).ToList();
        }
        var allNumbers = numbers.Values.SelectMany(x => x).Distinct().ToList();
        var allTitles = titles.Values.SelectMany(x => x).Distinct().ToList();
        var docs = await db.Documents.AsNoTracking().Where(DocumentVisibility.IsPublic)
            .Where(d => (d.DocumentNumber != null && allNumbers.Contains(d.DocumentNumber)) || allTitles.Contains(d.Title))
            .Select(d => new { d.Id, d.Title, d.DocumentNumber, d.PublishedAt }).ToListAsync(ct);
        foreach (var t in wanted)
        {
            var hit = docs.Where(d => d.DocumentNumber is not null && numbers[t].Contains(d.DocumentNumber)).OrderByDescending(d => d.PublishedAt).FirstOrDefault()
                ?? docs.Where(d => titles[t].Contains(d.Title)).OrderByDescending(d => d.PublishedAt).FirstOrDefault();
            if (hit is not null) result[t] = hit.Id;
        }
        return result;
    }

    /// <summary>第五条 / 第三条第二款 quoted in the basis text.</summary>
    /// <summary>Only when the text names at most one document: with several, the clause could belong to another one than the linked document.</summary>
    private static string? Clause(string? basis) => basis is null || TitleQuote().Matches(basis).Count > 1 ? null
        : ClauseRegex().Match(basis) is { Success: true } m ? FieldLengths.Clip(m.Value, FieldLengths.QaClause) : null;

    private static DateOnly? ParseDate(string s)
    {
        s = s.Trim().Replace('/', '-').Replace('.', '-').Replace("年", "-").Replace("月", "-").Replace("日", "");
        return DateOnly.TryParseExact(s, ["yyyy-M-d", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
    }

    [GeneratedRegex("《([^》]{2,200})》")]
    private static partial Regex TitleQuote();

    [GeneratedRegex("第[一二三四五六七八九十百零〇0-9]+条(?:第[一二三四五六七八九十0-9]+款)?(?:第[一二三四五六七八九十0-9]+项)?")]
    private static partial Regex ClauseRegex();
}
