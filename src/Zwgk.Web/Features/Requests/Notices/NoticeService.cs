using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Notices;

/// <summary>A notice the case can have now, and where it prints.</summary>
public sealed record NoticeLink(string Kind, string Label, int? Item, string Url);

/// <summary>A notice filled for one case, ready to print.</summary>
public sealed record RenderedNotice(string Title, string BodyHtml, string UnitName, string CaseNumber, string? Number, IReadOnlyList<NoticeLink> Others);

/// <summary>One template slot as the templates page lists it.</summary>
public sealed record NoticeTemplateView(NoticeKind Kind, OutcomeGroup? Group, string Label, string Title, string Body, int Version, bool IsDefault,
    string? UpdatedAt, string? UpdatedBy);

/// <summary>The remedy bodies and other site texts as the 公开办 edits them.</summary>
public sealed record NoticeSettingsInput
{
    public string? ReviewBody { get; init; }
    public string? Court { get; init; }
    public string? GovernmentReviewBody { get; init; }
    public string? GovernmentCourt { get; init; }
    public string? QueryAddress { get; init; }
    public string? PaymentMethod { get; init; }
    public string? ContactInfo { get; init; }
    /// <summary>Per-unit overrides of the review body and court; blank values fall back to the site's.</summary>
    public IReadOnlyList<UnitRemedyInput> Units { get; init; } = [];
}

public sealed record UnitRemedyInput(int UnitId, string? ReviewBody, string? Court);

/// <summary>
/// The case documents (文书): which a case can have, filling a template for one (a view of personal data: only those who
/// may see the applicant's data, each generation written to the case history and the audit log), and the templates and
/// settings the 公开办 edits.
/// </summary>
public sealed class NoticeService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, CalendarService calendars, IOptions<ZwgkOptions> options)
{
    public const string TemplateEntity = "NoticeTemplate";
    public const string SettingsEntity = "RequestNoticeSettings";
    private DateOnly Today => Formats.Today(clock);
    private bool FeeWaitPausesClock => options.Value.Requests.FeeWaitPausesClock;

    /// <summary>The print address of a notice; the case page links here.</summary>
    public static string Url(int requestId, NoticeKind kind, int? item = null) =>
        $"/admin/requests/{requestId}/notices/{kind.Info().Slug}" + (item is { } i ? $"?item={i}" : "");

    /// <summary>Editing templates and the remedy bodies: the 公开办 and platform administrators.</summary>
    public bool CanManageTemplates => user.IsInRole(Roles.OpennessOffice) || user.IsInRole(Roles.PlatformAdmin);

    // ---------- which notices a case can have ----------

    /// <summary>Only the notices its state supports: a reply needs an outcome, a fee notice a fee, and so on.</summary>
    public static IReadOnlyList<NoticeLink> Available(InformationRequest r)
    {
        var list = new List<NoticeLink>();
        void Add(NoticeKind k, int? item = null, string? suffix = null) =>
            list.Add(new NoticeLink(k.Info().Slug, k.Info().Label + suffix, item, Url(r.Id, k, item)));
        Add(NoticeKind.RegistrationForm);
        if (r.ReceivedOn is not null && r.State != RequestState.Submitted) Add(NoticeKind.Receipt);
        if (r.CorrectionRequestedOn is not null) Add(NoticeKind.Correction);
        if (r.ReasonsRequestedOn is not null) Add(NoticeKind.Reasons);
        if (r.ExtensionDays > 0) Add(NoticeKind.Extension);
        foreach (var c in r.Consultations.OrderBy(c => c.SentOn).ThenBy(c => c.Id))
            Add(c.Kind == ConsultationKind.ThirdParty ? NoticeKind.ThirdPartyConsultation : NoticeKind.AgencyConsultation, c.Id, $"（{c.Party}）");
        foreach (var f in r.Fees.OrderBy(f => f.IssuedOn).ThenBy(f => f.Id)) Add(NoticeKind.Fee, f.Id, $"（{f.IssuedOn:yyyy-MM-dd}）");
        if (r.Outcome is { } o) Add(NoticeKind.Reply, null, $"（{o.Group().ShortLabel()}）");
        return list;
    }

    /// <summary>The notices of a case for its details page; null when the case is not visible to the user.</summary>
    public async Task<(IReadOnlyList<NoticeLink> Links, bool CanOpen)?> AvailableAsync(int id, CancellationToken ct = default)
    {
        var r = await LoadAsync(id, ct);
        if (r is null) return null;
        return (Available(r), user.CanSeePersonalData(r));
    }

    private Task<InformationRequest?> LoadAsync(int id, CancellationToken ct) =>
        user.Scope(db.InformationRequests.AsNoTracking()).Include(x => x.Consultations).Include(x => x.Fees).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);

    // ---------- generating ----------

    public async Task<(ServiceResult Result, RenderedNotice? Notice)> GenerateAsync(int id, NoticeKind kind, int? item, string? number, CancellationToken ct = default)
    {
        var r = await LoadAsync(id, ct);
        if (r is null) return (ServiceResult.NotFound(), null);
        // A notice prints the applicant's name and contact: generating it is a view of personal data.
        if (!user.CanSeePersonalData(r)) return (ServiceResult.Forbidden("只有承办人员可以生成含申请人信息的文书"), null);
        var links = Available(r);
        // Without an item, the latest consultation or fee of that kind.
        var candidates = links.Where(l => l.Kind == kind.Info().Slug).ToList();
        var link = item is null ? candidates.LastOrDefault() : candidates.FirstOrDefault(l => l.Item == item);
        if (link is null) return (ServiceResult.NotFound(), null);
        var consultation = kind is NoticeKind.ThirdPartyConsultation or NoticeKind.AgencyConsultation ? r.Consultations.First(c => c.Id == link.Item) : null;
        var fee = kind == NoticeKind.Fee ? r.Fees.First(f => f.Id == link.Item) : null;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == r.UnitId).Select(u => new { u.Name, u.Kind }).FirstAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var values = await ValuesAsync(r, unit.Name, unit.Kind, kind, consultation, fee, calendar, ct);
        var (title, body) = await TemplateTextAsync(kind, r.Outcome?.Group(), ct);
        var no = string.IsNullOrWhiteSpace(number) ? null : FieldLengths.Clip(number.Trim(), FieldLengths.NoticeNumber);

        var label = NoticeKinds.TemplateLabel(kind, kind == NoticeKind.Reply ? r.Outcome?.Group() : null);
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = r.Id, At = clock.GetUtcNow(), Kind = RequestEventKind.NoticeGenerated, Public = false,
            ActorName = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName), ActorUserId = user.UserId,
            Note = FieldLengths.Clip($"生成文书：{label}" + (no is null ? "" : $"（{no}）"), FieldLengths.ReviewComment),
        });
        audit.Add("request.notice.generate", RequestService.EntityType, r.Id, $"{r.CaseNumber} 生成文书：{label}（含申请人信息）", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        return (ServiceResult.Success(r.Id), new RenderedNotice(NoticeRendering.FillText(title, values), NoticeRendering.RenderHtml(body, values), unit.Name, r.CaseNumber, no,
            links.Where(l => l != link).ToList()));
    }

    private async Task<(string Title, string Body)> TemplateTextAsync(NoticeKind kind, OutcomeGroup? group, CancellationToken ct)
    {
        var g = kind == NoticeKind.Reply ? group ?? OutcomeGroup.Disclosed : (OutcomeGroup?)null;
        var t = await db.NoticeTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Kind == kind && x.OutcomeGroup == g, ct);
        return t is null ? NoticeDefaults.For(kind, g) : (t.Title, t.Body);
    }

    /// <summary>The value of every placeholder for this case and notice.</summary>
    private async Task<Dictionary<string, string?>> ValuesAsync(InformationRequest r, string unitName, UnitKind unitKind, NoticeKind kind,
        RequestConsultation? c, RequestFee? f, WorkingCalendar calendar, CancellationToken ct)
    {
        var site = await SiteSettingsRowAsync(ct);
        var (review, court) = await RemedyBodiesAsync(r.UnitId, unitKind, site, ct);
        var deadline = RequestClock.Compute(r, calendar, Today, FeeWaitPausesClock);
        DateOnly? due = deadline.Due ?? (r.ClockStartsOn is { } s ? calendar.AddWorkingDays(s, deadline.AllowedDays > 0 ? deadline.AllowedDays : StatutoryPeriods.Reply + r.ExtensionDays) : null);
        if (r.LongerPeriodDueOn is { } longer && r.ReasonFinding == ReasonFinding.ReasonableLongerPeriod) due = longer;
        DateOnly? originalDue = null;
        if (r.ExtensionDays > 0)
        {
            // The entity is not tracked: computing the clock without the extension changes nothing stored.
            var days = r.ExtensionDays;
            r.ExtensionDays = 0;
            var d0 = RequestClock.Compute(r, calendar, Today, FeeWaitPausesClock);
            originalDue = d0.Due ?? (r.ClockStartsOn is { } s0 ? calendar.AddWorkingDays(s0, StatutoryPeriods.Reply) : null);
            r.ExtensionDays = days;
        }
        var values = Values(r, unitName, kind, c, f, due, originalDue, review, court, site, Today);
        // Until the office words it, the portal's own query page is where an applicant follows the case.
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("查询方式"))) values["查询方式"] = await DefaultQueryAddressAsync(ct);
        return values;
    }

    public static Dictionary<string, string?> Values(InformationRequest r, string unitName, NoticeKind kind, RequestConsultation? c, RequestFee? f,
        DateOnly? due, DateOnly? originalDue, string review, string court, RequestNoticeSettings? site, DateOnly today)
    {
        static string? D(DateOnly? d) => d is { } v ? NoticeRendering.OfficialDate(v) : null;
        var info = r.Outcome?.Info();
        DateOnly? date = kind switch
        {
            NoticeKind.RegistrationForm => r.ReceivedOn ?? DateOnly.FromDateTime(r.SubmittedAt.ToOffset(Formats.ChinaOffset).DateTime),
            NoticeKind.Receipt => r.ReceivedOn,
            NoticeKind.Correction => r.CorrectionRequestedOn,
            NoticeKind.Reasons => r.ReasonsRequestedOn,
            NoticeKind.Extension => r.ExtensionApprovedOn,
            NoticeKind.ThirdPartyConsultation or NoticeKind.AgencyConsultation => c?.SentOn,
            NoticeKind.Fee => f?.IssuedOn,
            _ => r.RepliedOn,
        };
        var unitWord = f?.Method == FeeMethod.PerPiece ? "件" : "页";
        string? referral = null;
        if (r.Outcome == Outcome.UnavailableNotHeld)
            // 条例第三十六条第（五）项: name the agency responsible where it can be determined.
            referral = string.IsNullOrWhiteSpace(r.ReferredAgency)
                ? "经检索，本机关未制作、获取您申请获取的政府信息，亦无法确定负责公开该政府信息的行政机关。"
                : $"经检索，本机关未制作、获取您申请获取的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，负责公开该政府信息的行政机关为{r.ReferredAgency.Trim()}，您可以向其提出申请。";
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["机关名称"] = unitName,
            ["日期"] = D(date ?? today),
            ["受理编号"] = r.CaseNumber,
            ["申请人"] = r.ApplicantName,
            ["申请人类型"] = r.ApplicantType.IsOrganization() ? "法人或其他组织（" + r.ApplicantType.Label() + "）" : r.ApplicantType.Label(),
            ["证件类型"] = r.IdType,
            ["证件号码"] = r.IdNumber,
            ["法定代表人"] = r.LegalRepresentative ?? (r.ApplicantType.IsOrganization() ? null : ""),
            ["联系人"] = r.ContactPerson ?? (r.ApplicantType.IsOrganization() ? null : ""),
            ["联系电话"] = r.Phone,
            ["电子邮箱"] = r.Email,
            ["通信地址"] = r.Address,
            ["邮政编码"] = r.PostalCode,
            ["申请渠道"] = r.Channel.Label(),
            ["提交日期"] = NoticeRendering.OfficialDate(DateOnly.FromDateTime(r.SubmittedAt.ToOffset(Formats.ChinaOffset).DateTime)),
            ["收到日期"] = D(r.ReceivedOn),
            ["收到日期说明"] = r.ReceiptNote ?? ReceiptRules.Describe(r.Channel),
            ["所需信息"] = r.InformationTitle,
            ["所需信息文号"] = r.DocumentNumber ?? "",
            ["信息描述"] = r.Description,
            ["提供形式"] = r.Medium.Label(),
            ["获取方式"] = r.Delivery.Label(),
            ["答复期限"] = D(due),
            ["查询方式"] = site?.QueryAddress,
            ["联系方式"] = site?.ContactInfo,
            ["补正告知日期"] = D(r.CorrectionRequestedOn),
            ["补正事项"] = r.CorrectionContent,
            ["补正期限"] = D(r.CorrectionDueOn),
            ["说明理由日期"] = D(r.ReasonsRequestedOn),
            ["延长天数"] = r.ExtensionDays > 0 ? r.ExtensionDays.ToString() : null,
            ["延期理由"] = r.ExtensionReason,
            ["原答复期限"] = D(originalDue),
            ["征求对象"] = c?.Party,
            ["征求事项"] = c?.Matter ?? (c is null ? null : "是否同意公开上述政府信息"),
            ["征求日期"] = D(c?.SentOn),
            ["征求答复期限"] = D(c?.DueOn),
            ["收费方式"] = f?.Method.Label(),
            ["收费数量"] = f is null ? null : $"{f.Quantity}{unitWord}",
            ["收费标准"] = f is null ? null : NoticeFees.Standard(f.Method),
            ["收费明细"] = f is null ? null : NoticeFees.Describe(f),
            ["收费金额"] = f is null ? null : $"{f.Payable:0.##}元",
            ["减免说明"] = f?.ReducedTo is { } to ? $"（原应缴{f.Amount:0.##}元，经决定减免为{to:0.##}元，理由：{f.ReductionReason}）" : "",
            ["收费通知日期"] = D(f?.IssuedOn),
            ["缴费期限"] = D(f?.PayBy),
            ["缴费方式"] = site?.PaymentMethod,
            ["办理结果"] = info?.Label,
            // 其他处理（其他） has no article of its own: cite the 条例 as a whole.
            ["法律依据"] = info is null ? null : info.Basis == "——" ? "《中华人民共和国政府信息公开条例》" : info.Basis,
            ["答复内容"] = r.ReplyText,
            ["负责机关"] = r.ReferredAgency,
            ["负责机关告知"] = referral ?? "",
            ["答复日期"] = D(r.RepliedOn),
            ["复议机关"] = review,
            ["诉讼法院"] = court,
        };
    }

    // ---------- remedy bodies and settings ----------

    private async Task<string> DefaultQueryAddressAsync(CancellationToken ct)
    {
        var domain = await db.SiteSettings.Select(x => x.SiteDomain).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(domain) ? "本机关门户网站“依申请公开—查询办理进度”页面" : $"本机关门户网站（{domain.Trim().TrimEnd('/')}/ysqgk/query）";
    }

    private Task<RequestNoticeSettings?> SiteSettingsRowAsync(CancellationToken ct) =>
        db.RequestNoticeSettings.AsNoTracking().Where(s => s.UnitId == null).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// 行政复议法（2023年修订）第二十四条: the county-level government reviews the decisions of its departments, of its 派出机关
    /// (街道) and of the 下一级人民政府 (镇); the 上一级人民政府 reviews the district government's own. A unit's own setting wins;
    /// departments fall back to the site setting, then to the district government's name.
    /// </summary>
    public async Task<(string Review, string Court)> RemedyBodiesAsync(int unitId, UnitKind unitKind, RequestNoticeSettings? site, CancellationToken ct)
    {
        var own = await db.RequestNoticeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UnitId == unitId, ct);
        string review, court;
        if (unitKind == UnitKind.DistrictGovernment)
        {
            review = Pick(own?.ReviewBody, site?.GovernmentReviewBody) ?? "上一级人民政府";
            court = Pick(own?.Court, site?.GovernmentCourt) ?? "有管辖权的人民法院";
        }
        else
        {
            var government = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.DistrictGovernment && u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
                .Select(u => u.Name).FirstOrDefaultAsync(ct);
            review = Pick(own?.ReviewBody, site?.ReviewBody, government) ?? "本级人民政府";
            court = Pick(own?.Court, site?.Court) ?? "有管辖权的人民法院";
        }
        return (review, court);
    }

    private static string? Pick(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public async Task<(RequestNoticeSettings Site, IReadOnlyList<RequestNoticeSettings> Units)> SettingsAsync(CancellationToken ct = default)
    {
        var rows = await db.RequestNoticeSettings.AsNoTracking().ToListAsync(ct);
        return (rows.Where(r => r.UnitId is null).OrderBy(r => r.Id).FirstOrDefault() ?? new RequestNoticeSettings(), rows.Where(r => r.UnitId is not null).ToList());
    }

    public async Task<ServiceResult> SaveSettingsAsync(NoticeSettingsInput input, CancellationToken ct = default)
    {
        if (!CanManageTemplates) return ServiceResult.Forbidden();
        var errors = new Dictionary<string, string>();
        void Check(string field, string label, string? v, int max) { if (v is { } s && s.Trim().Length > max) errors[field] = $"{label}不能超过{max}个字符"; }
        Check(nameof(input.ReviewBody), "复议机关", input.ReviewBody, FieldLengths.RemedyBody);
        Check(nameof(input.Court), "人民法院", input.Court, FieldLengths.RemedyBody);
        Check(nameof(input.GovernmentReviewBody), "复议机关", input.GovernmentReviewBody, FieldLengths.RemedyBody);
        Check(nameof(input.GovernmentCourt), "人民法院", input.GovernmentCourt, FieldLengths.RemedyBody);
        Check(nameof(input.QueryAddress), "查询方式", input.QueryAddress, FieldLengths.NoticeSettingText);
        Check(nameof(input.PaymentMethod), "缴费方式", input.PaymentMethod, FieldLengths.NoticeSettingText);
        Check(nameof(input.ContactInfo), "联系方式", input.ContactInfo, FieldLengths.NoticeSettingText);
        if (input.Units.Count > 1000) errors[""] = "单位设置过多";
        foreach (var u in input.Units)
        {
            Check("Units", "单位的复议机关", u.ReviewBody, FieldLengths.RemedyBody);
            Check("Units", "单位的人民法院", u.Court, FieldLengths.RemedyBody);
        }
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var now = clock.GetUtcNow();
        var by = FieldLengths.Clip(user.UserName ?? "", FieldLengths.PersonName);
        var rows = await db.RequestNoticeSettings.ToListAsync(ct);
        var site = rows.Where(r => r.UnitId is null).OrderBy(r => r.Id).FirstOrDefault();
        if (site is null) db.RequestNoticeSettings.Add(site = new RequestNoticeSettings());
        var before = Snapshot(site);
        site.ReviewBody = Blank(input.ReviewBody);
        site.Court = Blank(input.Court);
        site.GovernmentReviewBody = Blank(input.GovernmentReviewBody);
        site.GovernmentCourt = Blank(input.GovernmentCourt);
        site.QueryAddress = Blank(input.QueryAddress);
        site.PaymentMethod = Blank(input.PaymentMethod);
        site.ContactInfo = Blank(input.ContactInfo);
        var changes = AuditLog.Diff(before, Snapshot(site));

        var unitIds = await db.Units.Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        foreach (var u in input.Units.Where(u => unitIds.ContainsKey(u.UnitId)).DistinctBy(u => u.UnitId))
        {
            var row = rows.FirstOrDefault(r => r.UnitId == u.UnitId);
            var (rb, rc) = (Blank(u.ReviewBody), Blank(u.Court));
            if (rb is null && rc is null)
            {
                if (row is not null) { db.RequestNoticeSettings.Remove(row); changes[unitIds[u.UnitId]] = ($"{row.ReviewBody}／{row.Court}", "（使用默认）"); }
                continue;
            }
            if (row is null) db.RequestNoticeSettings.Add(row = new RequestNoticeSettings { UnitId = u.UnitId });
            else if (row.ReviewBody == rb && row.Court == rc) continue;
            changes[unitIds[u.UnitId]] = ($"{row.ReviewBody}／{row.Court}", $"{rb}／{rc}");
            row.ReviewBody = rb;
            row.Court = rc;
            row.UpdatedAt = now;
            row.UpdatedBy = by;
        }
        if (changes.Count == 0) return ServiceResult.Success();
        site.UpdatedAt = now;
        site.UpdatedBy = by;
        audit.Add("request.notice.settings", SettingsEntity, site.Id == 0 ? null : site.Id, "修改文书设置（复议机关、诉讼法院等）", changes);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(site.Id);
    }

    private static Dictionary<string, object?> Snapshot(RequestNoticeSettings s) => new()
    {
        ["复议机关"] = s.ReviewBody, ["人民法院"] = s.Court, ["区政府本级答复的复议机关"] = s.GovernmentReviewBody, ["区政府本级答复的人民法院"] = s.GovernmentCourt,
        ["查询方式"] = s.QueryAddress, ["缴费方式"] = s.PaymentMethod, ["联系方式"] = s.ContactInfo,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---------- templates ----------

    public async Task<IReadOnlyList<NoticeTemplateView>> TemplatesAsync(CancellationToken ct = default)
    {
        var saved = await db.NoticeTemplates.AsNoTracking().ToListAsync(ct);
        return NoticeKinds.Slots().Select(s => View(s.Kind, s.Group, saved.FirstOrDefault(t => t.Kind == s.Kind && t.OutcomeGroup == s.Group))).ToList();
    }

    public async Task<NoticeTemplateView> TemplateAsync(NoticeKind kind, OutcomeGroup? group, CancellationToken ct = default)
    {
        var g = kind == NoticeKind.Reply ? group ?? OutcomeGroup.Disclosed : (OutcomeGroup?)null;
        return View(kind, g, await db.NoticeTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind && t.OutcomeGroup == g, ct));
    }

    private static NoticeTemplateView View(NoticeKind kind, OutcomeGroup? group, NoticeTemplate? t)
    {
        var label = NoticeKinds.TemplateLabel(kind, group);
        if (t is null)
        {
            var (title, body) = NoticeDefaults.For(kind, group);
            return new NoticeTemplateView(kind, group, label, title, body, 0, true, null, null);
        }
        return new NoticeTemplateView(kind, group, label, t.Title, t.Body, t.Version, false, Formats.DateTime(t.UpdatedAt), t.UpdatedBy);
    }

    /// <param name="version">The version the editor started from (0 for the built-in default): a later save by someone else is a conflict.</param>
    public async Task<ServiceResult> SaveTemplateAsync(NoticeKind kind, OutcomeGroup? group, string? title, string? body, int version, CancellationToken ct = default)
    {
        if (!CanManageTemplates) return ServiceResult.Forbidden();
        if (!Enum.IsDefined(kind) || (kind == NoticeKind.Reply) != (group is not null) || (group is { } gg && !Enum.IsDefined(gg))) return ServiceResult.NotFound();
        var errors = NoticeRendering.Validate(kind, title, body);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        var t = await db.NoticeTemplates.FirstOrDefaultAsync(x => x.Kind == kind && x.OutcomeGroup == group, ct);
        if ((t?.Version ?? 0) != version) return ServiceResult.Conflict("该模板已被他人修改，请刷新后重试");
        var creating = t is null;
        t ??= new NoticeTemplate { Kind = kind, OutcomeGroup = group };
        var (oldTitle, oldBody) = creating ? NoticeDefaults.For(kind, group) : (t.Title, t.Body);
        var newTitle = title!.Trim();
        var newBody = body!.Replace("\r\n", "\n").Trim();
        if (oldTitle == newTitle && oldBody == newBody) return ServiceResult.Success(t.Id);
        t.Title = newTitle;
        t.Body = newBody;
        t.UpdatedAt = clock.GetUtcNow();
        t.UpdatedBy = FieldLengths.Clip(user.UserName ?? "", FieldLengths.PersonName);
        t.Version = (creating ? 0 : t.Version) + 1;
        if (creating) db.NoticeTemplates.Add(t);
        audit.Add("request.notice.template", TemplateEntity, creating ? null : t.Id, $"修改文书模板：{NoticeKinds.TemplateLabel(kind, group)}（第{t.Version}版）",
            AuditLog.Diff(new Dictionary<string, object?> { ["标题"] = oldTitle, ["正文"] = oldBody }, new Dictionary<string, object?> { ["标题"] = t.Title, ["正文"] = t.Body }));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return ServiceResult.Conflict("该模板已被他人修改，请刷新后重试"); }
        return ServiceResult.Success(t.Id);
    }

    /// <summary>恢复默认: the edited copy is removed, so the built-in default (which may improve with releases) is used again.</summary>
    public async Task<ServiceResult> ResetTemplateAsync(NoticeKind kind, OutcomeGroup? group, CancellationToken ct = default)
    {
        if (!CanManageTemplates) return ServiceResult.Forbidden();
        var t = await db.NoticeTemplates.FirstOrDefaultAsync(x => x.Kind == kind && x.OutcomeGroup == group, ct);
        if (t is null) return ServiceResult.Success();
        db.NoticeTemplates.Remove(t);
        audit.Add("request.notice.template.reset", TemplateEntity, t.Id, $"文书模板恢复默认：{NoticeKinds.TemplateLabel(kind, group)}（原第{t.Version}版）");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success();
    }

    /// <summary>The template filled with a made-up case (no real applicant's data, so nothing to audit).</summary>
    public async Task<(string Title, string Html)> PreviewAsync(NoticeKind kind, OutcomeGroup? group, string title, string body, CancellationToken ct = default)
    {
        var sample = Sample(kind, group ?? OutcomeGroup.Disclosed, Today);
        var site = await SiteSettingsRowAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Department && u.IsActive).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Name, u.Kind }).FirstOrDefaultAsync(ct)
                   ?? new { Id = 0, Name = "某某局", Kind = UnitKind.Department };
        var (review, court) = await RemedyBodiesAsync(unit.Id, unit.Kind, site, ct);
        var values = Values(sample, unit.Name, kind, sample.Consultations.FirstOrDefault(), sample.Fees.FirstOrDefault(),
            sample.ReceivedOn!.Value.AddDays(28), sample.ReceivedOn.Value.AddDays(28), review, court, site, Today);
        return (NoticeRendering.FillText(title, values), NoticeRendering.RenderHtml(body, values));
    }

    private static InformationRequest Sample(NoticeKind kind, OutcomeGroup group, DateOnly today)
    {
        var received = today.AddDays(-10);
        var r = new InformationRequest
        {
            CaseNumber = $"YSQ-{today.Year}-00001", ApplicantType = ApplicantType.NaturalPerson, ApplicantName = "张某某", IdType = RequestRules.ResidentIdCard,
            IdNumber = "3701**********0000", Phone = "0531-0000000", Email = "sample@example.com", Address = "某某市某某区某某路1号", PostalCode = "250000",
            InformationTitle = "某某项目的规划许可文件", DocumentNumber = "某规字〔2025〕1号", Description = "某某项目建设工程规划许可证及附图",
            Channel = RequestChannel.InPerson, SubmittedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(9, 0)), Formats.ChinaOffset),
            ReceivedOn = received, ClockStartsOn = received, ReceiptNote = "当面提交", State = RequestState.Processing,
            CorrectionRequestedOn = received.AddDays(2), CorrectionContent = "请明确所需信息的项目名称和年份", CorrectionDueOn = received.AddDays(20),
            ReasonsRequestedOn = received.AddDays(2), ExtensionDays = 20, ExtensionApprovedOn = received.AddDays(20), ExtensionReason = "需要调取档案并进行审查",
            ReplyText = "（答复内容示例）", RepliedOn = today,
        };
        r.Outcome = Outcomes.All.First(o => o.Group == group && (group != OutcomeGroup.Unavailable || o.Outcome == Outcome.UnavailableNotHeld)).Outcome;
        if (r.Outcome == Outcome.UnavailableNotHeld) r.ReferredAgency = "某某市某某局";
        r.Consultations.Add(new RequestConsultation
        {
            Kind = kind == NoticeKind.AgencyConsultation ? ConsultationKind.Agency : ConsultationKind.ThirdParty, Party = kind == NoticeKind.AgencyConsultation ? "某某区某某局" : "某某有限公司",
            Matter = "是否同意公开上述信息中涉及你方的内容", SentOn = received.AddDays(3), DueOn = received.AddDays(24),
        });
        var fee = new RequestFee { Method = FeeMethod.PerPiece, Quantity = 5, EarlierPiecesThisMonth = 28, IssuedOn = received.AddDays(5), NoticeReceivedOn = received.AddDays(6), PayBy = received.AddDays(34) };
        fee.Amount = NoticeFees.Bands(fee).Sum(b => b.Subtotal);
        r.Fees.Add(fee);
        return r;
    }
}
