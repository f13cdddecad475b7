using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Concerns;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Concerns;

/// <summary>A concern as the admin form or the monitoring-system API gives it (text as typed).</summary>
public sealed class ConcernInput
{
    public string? Source { get; set; }
    public string? Level { get; set; }
    public string? Topic { get; set; }
    public string? Summary { get; set; }
    public string? Field { get; set; }
    /// <summary>责任单位: id, code or name.</summary>
    public string? Unit { get; set; }
    /// <summary>ISO 8601; without an offset it is China time (the form's datetime-local).</summary>
    public string? DiscoveredAt { get; set; }
    public string? SourceUrl { get; set; }
    public int? SourceMessageId { get; set; }
}

public sealed class ResponseInput
{
    public string? Method { get; set; }
    public string? RespondedAt { get; set; }
    public string? Summary { get; set; }
    public int? DocumentId { get; set; }
    public string? Url { get; set; }
    public string? Publisher { get; set; }
}

public sealed record ConcernCreated(int Id, DateTimeOffset? InfoDueAt, DateTimeOffset? PressDueAt, DateTimeOffset? ResponseDueAt);

/// <summary>
/// Registering, editing, responding to and closing public concerns. The domain rules decide; this service loads within the
/// user's scope (anything else is "not found"), checks linked documents are public, and audits in the same save.
/// </summary>
public sealed class ConcernService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, IOptions<ConcernOptions> options,
    IOutputCacheStore cache)
{
    public const string EntityType = "PublicConcern";
    private ConcernTimeLimits Limits => options.Value.ToLimits();

    public async Task<(ServiceResult Result, ConcernCreated? Created)> RegisterAsync(ConcernInput input, CancellationToken ct = default)
    {
        if (!user.CanRegisterConcerns()) return (ServiceResult.Forbidden("只有公开办或单位互动交流经办、单位管理员可以登记舆情"), null);
        var now = clock.GetUtcNow();
        var c = new PublicConcern { RegisteredAt = now, UpdatedAt = now, RegisteredBy = Actor };
        var errors = await ApplyAsync(c, input, isNew: true, ct);
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
        db.PublicConcerns.Add(c);
        // The audit names the new id, so it needs a first save; one transaction keeps the concern and its audit together.
        await using (var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await db.SaveChangesAsync(ct);
            audit.Add("concern.create", EntityType, c.Id, FieldLengths.Clip($"登记舆情 #{c.Id}（{c.Level.Label()}，{c.Source.Label()}）：{c.Topic}", FieldLengths.AuditSummary), unitId: c.UnitId);
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        var d = ConcernRules.Deadlines(c.Level, c.DiscoveredAt, Limits);
        return (ServiceResult.Success(c.Id), new ConcernCreated(c.Id, d.InfoDue, d.PressDue, d.ResponseDue));
    }

    public async Task<ServiceResult> UpdateAsync(int id, ConcernInput input, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanAct(c)) return ServiceResult.Forbidden("没有权限修改此舆情");
        if (c.IsClosed) return ServiceResult.Invalid("已办结的舆情不能修改");
        var before = Snapshot(c);
        var errors = await ApplyAsync(c, input, isNew: false, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        c.UpdatedAt = clock.GetUtcNow();
        var changes = AuditLog.Diff(before, Snapshot(c));
        var changed = changes.Count == 0 ? "" : $"（{string.Join("、", changes.Keys)}）";
        audit.Add("concern.update", EntityType, c.Id, FieldLengths.Clip($"修改舆情 #{c.Id}{changed}：{c.Topic}", FieldLengths.AuditSummary), changes, c.UnitId);
        return await SaveOnceAsync(c, ct);
    }

    private async Task<Dictionary<string, string>> ApplyAsync(PublicConcern c, ConcernInput i, bool isNew, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        // Level, source and discovery time set the 5h/24h/48h clocks: once registered, only the 公开办 may change them;
        // a unit's edit keeps the stored values whatever the form sends.
        var locked = !isNew && !user.CanAssign();
        var source = locked ? c.Source : ConcernRules.ParseSource(i.Source);
        if (source is null) errors["source"] = "source 应为 网络舆情、媒体报道、12345热线、网民留言、人大代表建议、政协委员提案、上级交办 或 其他";
        var level = locked ? c.Level : ConcernRules.ParseLevel(i.Level);
        if (level is null) errors["level"] = "level 应为 重大（特别重大、重大突发事件）或 一般";
        var discovered = locked ? c.DiscoveredAt : ParseTime(i.DiscoveredAt);
        if (discovered is null) errors["discoveredAt"] = "discoveredAt 应为日期时间，如 2026-03-02T09:00（北京时间）或带时区的 ISO 8601";
        var unit = await UnitAsync(i.Unit, ct);
        if (unit is null) errors["unit"] = string.IsNullOrWhiteSpace(i.Unit) ? "请选择责任单位" : $"单位“{FieldLengths.Clip(i.Unit.Trim(), 40)}”不存在";
        else if (!user.CanAssign() && unit != user.UnitId && (isNew || unit != c.UnitId))
            errors["unit"] = "只能登记本单位负责回应的舆情，其他单位的由公开办登记交办";
        if (i.SourceMessageId is int mid && !await Interaction.Messages.MessageAccess.Scope(user, db.Messages.AsNoTracking()).AnyAsync(m => m.Id == mid, ct))
            errors["sourceMessageId"] = $"留言 #{mid} 不存在或无权访问";

        c.Source = source ?? ConcernSource.Other;
        c.Level = level ?? ConcernLevel.General;
        c.Topic = Trim(i.Topic) ?? "";
        c.Summary = Trim(i.Summary) ?? "";
        c.Field = Trim(i.Field);
        c.SourceUrl = Trim(i.SourceUrl);
        c.SourceMessageId = i.SourceMessageId;
        if (discovered is { } at) c.DiscoveredAt = at;
        if (unit is int u) c.UnitId = u;
        var now = clock.GetUtcNow();
        foreach (var (k, v) in ConcernRules.Validate(c, now)) errors.TryAdd(k, v);
        // Once responses exist, moving the discovery time after one of them would make the record contradict itself.
        if (!isNew && c.Responses.Count > 0 && c.Responses.Min(r => r.RespondedAt) < c.DiscoveredAt) errors.TryAdd("discoveredAt", "发现时间不能晚于已登记的回应时间");
        return errors;
    }

    private static Dictionary<string, object?> Snapshot(PublicConcern c) => new()
    {
        ["来源"] = c.Source.Label(), ["等级"] = c.Level.Label(), ["发现时间"] = c.DiscoveredAt.ToOffset(Formats.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["责任单位"] = c.UnitId, ["主题"] = c.Topic, ["概要"] = c.Summary, ["领域"] = c.Field, ["来源链接"] = c.SourceUrl, ["来源留言"] = c.SourceMessageId,
    };

    public async Task<ServiceResult> AddResponseAsync(int id, ResponseInput input, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanAct(c)) return ServiceResult.Forbidden("没有权限登记回应");
        if (c.IsClosed) return ServiceResult.Invalid("已办结的舆情不能再登记回应");
        var errors = new Dictionary<string, string>();
        var method = ConcernRules.ParseMethod(input.Method);
        if (method is null) errors["method"] = "method 应为 发布权威信息、新闻发布会、吹风会、接受媒体采访、网站回应、政务新媒体回应 或 其他";
        var at = ParseTime(input.RespondedAt);
        if (at is null) errors["respondedAt"] = "respondedAt 应为日期时间，如 2026-03-02T14:00（北京时间）";
        var now = clock.GetUtcNow();
        var r = new ConcernResponse
        {
            Method = method ?? ResponseMethod.Other, RespondedAt = at ?? now, Summary = Trim(input.Summary) ?? "", DocumentId = input.DocumentId,
            Url = Trim(input.Url), Publisher = Trim(input.Publisher), RecordedAt = now, RecordedBy = Actor,
        };
        foreach (var (k, v) in ConcernRules.ValidateResponse(c, r, now)) errors.TryAdd(k, v);
        // Only a published, 主动公开 document may carry a public response; a draft answers exactly like a missing id.
        if (r.DocumentId is int docId && !await db.Documents.Where(d => d.Id == docId).Where(DocumentVisibility.IsPublic).AnyAsync(ct))
            errors.TryAdd("documentId", $"文件 {docId} 不存在或尚未主动公开");
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        c.Responses.Add(r);
        c.UpdatedAt = now;
        audit.Add("concern.respond", EntityType, c.Id, FieldLengths.Clip($"舆情 #{c.Id} 登记回应：{r.Method.Label()}", FieldLengths.AuditSummary), unitId: c.UnitId);
        return await SaveOnceAsync(c, ct);
    }

    public async Task<ServiceResult> CloseAsync(int id, string? note, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanAct(c)) return ServiceResult.Forbidden("没有权限办结此舆情");
        if (ConcernRules.Close(c, note, Actor, clock.GetUtcNow()) is { } error) return ServiceResult.Invalid(error);
        c.UpdatedAt = clock.GetUtcNow();
        audit.Add("concern.close", EntityType, c.Id, $"舆情 #{c.Id} 已办结", unitId: c.UnitId);
        return await SaveOnceAsync(c, ct);
    }

    public async Task<ServiceResult> SetPublicAsync(int id, bool isPublic, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanPublish(c)) return ServiceResult.Forbidden("只有公开办或责任单位的单位管理员可以决定是否公开");
        if (c.IsPublic == isPublic) return ServiceResult.Success(c.Id);
        c.IsPublic = isPublic;
        c.UpdatedAt = clock.GetUtcNow();
        audit.Add(isPublic ? "concern.publish" : "concern.unpublish", EntityType, c.Id, isPublic ? $"舆情 #{c.Id} 在网站公开" : $"舆情 #{c.Id} 不在网站公开", unitId: c.UnitId);
        return await SaveOnceAsync(c, ct, evictPortal: true);
    }

    private async Task<ServiceResult> SaveOnceAsync(PublicConcern c, CancellationToken ct, bool evictPortal = false)
    {
        c.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            // /hygz pages are output-cached for visitors: any change a visitor could see evicts them.
            if (evictPortal || c.IsPublic) await cache.InvalidatePortalAsync(ct);
            return ServiceResult.Success(c.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Conflict("该舆情已被他人修改，请刷新后重试");
        }
    }

    private async Task<PublicConcern?> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.PublicConcerns.Include(x => x.Responses).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && user.CanSee(c) ? c : null;
    }

    private async Task<int?> UnitAsync(string? unit, CancellationToken ct)
    {
        var u = Trim(unit);
        if (u is null) return null;
        return int.TryParse(u, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? await db.Units.Where(x => x.Id == n && x.IsActive).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)
            : await db.Units.Where(x => (x.Code == u || x.Name == u || x.ShortName == u) && x.IsActive).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A time with an offset as given; without one, China time. Stored as UTC (PostgreSQL timestamptz).</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 40) return null;
        if (DateTime.TryParseExact(t, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, Formats.ChinaOffset).ToUniversalTime();
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(t))
            return withOffset.ToUniversalTime();
        return null;
    }

    private static bool HasOffset(string t) => t.EndsWith('Z') || t.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(t, @"[+-]\d{2}:?\d{2}$");

    /// <summary>For the form's datetime-local value (China time).</summary>
    public static string LocalInput(DateTimeOffset? at) => at is { } v ? v.ToOffset(Formats.ChinaOffset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";

    private string Actor => FieldLengths.Clip(user.UserName ?? "接口", FieldLengths.PersonName);

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
