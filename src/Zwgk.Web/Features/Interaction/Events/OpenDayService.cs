using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events;

public sealed record OpenDayInput(int? UnitId, string? Title, string? Description, string? Place, string? StartsAt, string? EndsAt,
    int Capacity, int MaxPartySize, string? RegistrationOpensAt, string? RegistrationClosesAt, bool IsPublished);

/// <summary>What a registrant sees with their code: no name or phone in full.</summary>
public sealed record RegistrationView(int OpenDayId, string OpenDayTitle, string When, string Place, string Name, string Phone, int PartySize,
    RegistrationStatus Status, string RegisteredAt, bool CanCancel);

/// <summary>A registration in the staff list: masked.</summary>
public sealed record RegistrationRow(int Id, string Name, string Phone, int PartySize, RegistrationStatus Status, string RegisteredAt, string? CancelledBy);

/// <summary>
/// Open days and their bookings. Places are counted on the open day row (<see cref="OpenDay.Taken"/>, a concurrency token):
/// a booking reads the count, checks it, and writes count and booking together; if another booking committed in between
/// the UPDATE matches no row and the booking is tried again on fresh data, so the last place is never sold twice. The same
/// serialisation makes the one-booking-per-phone check safe.
/// </summary>
public sealed class OpenDayService(ZwgkDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    public const string SelfCancel = "本人";
    public DateTimeOffset Now => clock.GetUtcNow();

    public IQueryable<OpenDay> Scoped() => me.SpansAllUnits ? db.OpenDays : db.OpenDays.Where(d => d.UnitId == me.UnitId);

    public async Task<OpenDay?> FindAsync(int id, CancellationToken ct) =>
        me.CanManageEvents() ? await Scoped().FirstOrDefaultAsync(d => d.Id == id, ct) : null;

    public async Task<ServiceResult> SaveAsync(int? id, OpenDayInput input, CancellationToken ct)
    {
        if (!me.CanManageEvents()) return ServiceResult.NotFound();
        var errors = new Dictionary<string, string>();
        var title = InterviewRules.Clean(input.Title);
        if (title is null) errors["Title"] = "请填写活动名称";
        else if (title.Length > FieldLengths.Title) errors["Title"] = $"名称不超过{FieldLengths.Title}字";
        var place = InterviewRules.Clean(input.Place);
        if (place is null) errors["Place"] = "请填写活动地点";
        else if (place.Length > FieldLengths.EventPlace) errors["Place"] = $"地点不超过{FieldLengths.EventPlace}字";
        var description = InterviewRules.Clean(input.Description);
        if (description?.Length > FieldLengths.EventDescription) errors["Description"] = $"简介不超过{FieldLengths.EventDescription}字";
        var starts = EventTimes.Parse(input.StartsAt);
        var ends = EventTimes.Parse(input.EndsAt);
        var opens = EventTimes.Parse(input.RegistrationOpensAt);
        var closes = EventTimes.Parse(input.RegistrationClosesAt);
        if (starts is null) errors["StartsAt"] = "请填写活动开始时间";
        if (ends is null) errors["EndsAt"] = "请填写活动结束时间";
        if (opens is null) errors["RegistrationOpensAt"] = "请填写报名开始时间";
        if (closes is null) errors["RegistrationClosesAt"] = "请填写报名截止时间";
        var unitId = input.UnitId is int u && me.SpansAllUnits ? u : me.UnitId;
        if (!await db.Units.AnyAsync(x => x.Id == unitId, ct)) errors["UnitId"] = "请选择主办单位";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var now = Now;
        OpenDay day;
        if (id is int existing)
        {
            var found = await FindAsync(existing, ct);
            if (found is null) return ServiceResult.NotFound();
            day = found;
        }
        else
        {
            day = new OpenDay { CreatedAt = now, CreatedBy = me.UserName ?? "" };
            db.OpenDays.Add(day);
        }
        day.UnitId = unitId;
        day.Title = title!;
        day.Place = place!;
        day.Description = description;
        day.StartsAt = starts!.Value;
        day.EndsAt = ends!.Value;
        day.RegistrationOpensAt = opens!.Value;
        day.RegistrationClosesAt = closes!.Value;
        day.Capacity = input.Capacity;
        day.MaxPartySize = input.MaxPartySize;
        day.IsPublished = input.IsPublished;
        day.UpdatedAt = now;
        if (OpenDayRules.ValidateSchedule(day) is { } bad)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Invalid(bad);
        }
        if (id is null) await db.SaveChangesAsync(ct);
        audit.Add(id is null ? "openday.create" : "openday.update", nameof(OpenDay), day.Id,
            $"{(id is null ? "发布" : "修改")}政府开放日《{day.Title}》（{EventTimes.Span(day.StartsAt, day.EndsAt)}，名额{day.Capacity}{(day.IsPublished ? "" : "，未公开")}）", unitId: unitId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict("保存时有新的报名，请刷新后再修改");
        }
        return ServiceResult.Success(day.Id);
    }

    /// <summary>A public booking. Answers the 查询码 (shown once) on success.</summary>
    public async Task<(ServiceResult Result, string? Code)> RegisterAsync(int id, string? name, string? phone, int partySize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var n = InterviewRules.Clean(name)?.Replace("\n", " ");
        if (n is null) errors["Name"] = "请填写姓名";
        else if (n.Length > FieldLengths.PersonName) errors["Name"] = $"姓名不超过{FieldLengths.PersonName}字";
        var tel = InterviewRules.Clean(phone);
        var key = OpenDayRules.PhoneKey(tel);
        if (tel is null) errors["Phone"] = "请填写联系电话";
        else if (key is null) errors["Phone"] = "请填写正确的手机或固定电话号码";
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);

        for (var attempt = 0; ; attempt++)
        {
            var day = await db.OpenDays.FirstOrDefaultAsync(d => d.Id == id && d.IsPublished, ct);
            if (day is null) return (ServiceResult.NotFound(), null);
            var phoneTaken = await db.OpenDayRegistrations.AnyAsync(r => r.OpenDayId == id && r.PhoneKey == key && r.Status == RegistrationStatus.Registered, ct);
            if (OpenDayRules.CanRegister(day, partySize, phoneTaken, Now) is { } refused)
                return (ServiceResult.Invalid(new Dictionary<string, string> { [phoneTaken && refused.Contains("手机", StringComparison.Ordinal) ? "Phone" : ""] = refused }), null);
            var code = QueryCodes.New();
            var r = new OpenDayRegistration
            {
                OpenDayId = id, Name = n!, Phone = tel!, PhoneKey = key!, PartySize = partySize, CodeHash = QueryCodes.Hash(code),
                Status = RegistrationStatus.Registered, CreatedAt = Now,
            };
            OpenDayRules.Take(day, r);
            db.OpenDayRegistrations.Add(r);
            try
            {
                await db.SaveChangesAsync(ct);
                return (ServiceResult.Success(r.Id), code);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 20)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return (ServiceResult.Conflict("报名人数较多，请稍后再试"), null);
            }
        }
    }

    public async Task<RegistrationView?> LookupAsync(string normalizedCode, CancellationToken ct)
    {
        var hash = QueryCodes.Hash(normalizedCode);
        var r = await db.OpenDayRegistrations.AsNoTracking().FirstOrDefaultAsync(x => x.CodeHash == hash, ct);
        if (r is null) return null;
        var d = await db.OpenDays.AsNoTracking().FirstAsync(x => x.Id == r.OpenDayId, ct);
        return new RegistrationView(d.Id, d.Title, EventTimes.Span(d.StartsAt, d.EndsAt), d.Place, PersonalData.MaskName(r.Name), PersonalData.MaskPhone(r.Phone),
            r.PartySize, r.Status, Formats.PubDate(r.CreatedAt), r.Status == RegistrationStatus.Registered && Now < d.StartsAt);
    }

    /// <summary>The registrant cancels with their code; the places are free for others at once.</summary>
    public async Task<ServiceResult> CancelByCodeAsync(string normalizedCode, CancellationToken ct)
    {
        var hash = QueryCodes.Hash(normalizedCode);
        return await CancelAsync(r => r.CodeHash == hash, SelfCancel, null, audited: false, ct);
    }

    /// <summary>Staff cancel a booking (the registrant asked by phone, a duplicate …), with a reason; audited.</summary>
    public async Task<ServiceResult> StaffCancelAsync(int openDayId, int registrationId, string? reason, CancellationToken ct)
    {
        if (await FindAsync(openDayId, ct) is null) return ServiceResult.NotFound();
        var why = InterviewRules.Clean(reason);
        if (why is null) return ServiceResult.Invalid("请填写取消原因");
        if (why.Length > FieldLengths.Reason) return ServiceResult.Invalid($"原因不超过{FieldLengths.Reason}字");
        return await CancelAsync(r => r.Id == registrationId && r.OpenDayId == openDayId, me.UserName ?? "工作人员", why, audited: true, ct);
    }

    private async Task<ServiceResult> CancelAsync(System.Linq.Expressions.Expression<Func<OpenDayRegistration, bool>> which, string by, string? reason, bool audited, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var r = await db.OpenDayRegistrations.FirstOrDefaultAsync(which, ct);
            if (r is null) return ServiceResult.NotFound();
            var day = await db.OpenDays.FirstAsync(d => d.Id == r.OpenDayId, ct);
            if (OpenDayRules.Cancel(day, r, by, reason, Now) is { } refused) return ServiceResult.Invalid(refused);
            // The audit names the booking by number only: no name or phone in the log.
            if (audited) audit.Add("openday.registration.cancel", nameof(OpenDayRegistration), r.Id, $"取消政府开放日《{day.Title}》的报名#{r.Id}（{r.PartySize}人）：{reason}", unitId: day.UnitId);
            try
            {
                await db.SaveChangesAsync(ct);
                return ServiceResult.Success(r.Id);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 20)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<ServiceResult> PublishSummaryAsync(int id, string? summary, CancellationToken ct)
    {
        var day = await FindAsync(id, ct);
        if (day is null) return ServiceResult.NotFound();
        var text = InterviewRules.Clean(summary);
        if (text is null) return ServiceResult.Invalid("请填写活动回顾");
        if (text.Length > FieldLengths.EventSummary) return ServiceResult.Invalid($"活动回顾不超过{FieldLengths.EventSummary}字");
        if (Now < day.StartsAt) return ServiceResult.Invalid("活动开始后才能发布活动回顾");
        day.Summary = text;
        day.SummaryPublishedAt ??= Now;
        day.UpdatedAt = Now;
        audit.Add("openday.summary", nameof(OpenDay), day.Id, $"发布政府开放日《{day.Title}》的活动回顾", unitId: day.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(day.Id);
    }

    public async Task<IReadOnlyList<RegistrationRow>> RegistrationsAsync(int id, CancellationToken ct)
    {
        var rows = await db.OpenDayRegistrations.AsNoTracking().Where(r => r.OpenDayId == id).OrderBy(r => r.Id).ToListAsync(ct);
        return rows.Select(r => new RegistrationRow(r.Id, PersonalData.MaskName(r.Name), PersonalData.MaskPhone(r.Phone), r.PartySize, r.Status,
            Formats.PubDate(r.CreatedAt), r.CancelledBy)).ToList();
    }

    /// <summary>One registration in full, for the 公开办 or the owning unit's handlers; each view is audited.</summary>
    public async Task<(OpenDay Day, OpenDayRegistration Registration)?> RegistrationDetailAsync(int id, int registrationId, CancellationToken ct)
    {
        var day = await FindAsync(id, ct);
        if (day is null || !me.CanSeeRegistrants(day.UnitId)) return null;
        var r = await db.OpenDayRegistrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == registrationId && x.OpenDayId == id, ct);
        if (r is null) return null;
        audit.Add("openday.registration.view", nameof(OpenDayRegistration), r.Id, $"查看政府开放日《{day.Title}》报名#{r.Id}的完整信息", unitId: day.UnitId);
        await db.SaveChangesAsync(ct);
        return (day, r);
    }

    /// <summary>签到表 as CSV (UTF-8 with BOM so Excel reads the Chinese): active bookings in full. Audited; null when not allowed.</summary>
    public async Task<(string FileName, byte[] Content)?> CheckInListAsync(int id, CancellationToken ct)
    {
        var day = await FindAsync(id, ct);
        if (day is null || !me.CanSeeRegistrants(day.UnitId)) return null;
        var rows = await db.OpenDayRegistrations.AsNoTracking().Where(r => r.OpenDayId == id && r.Status == RegistrationStatus.Registered)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var sb = new StringBuilder();
        sb.Append("序号,报名编号,姓名,联系电话,人数,报名时间,签到\r\n");
        var i = 0;
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"{++i},{r.Id},{Csv(r.Name)},{Csv(r.Phone)},{r.PartySize},{Formats.PubDate(r.CreatedAt)},\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"合计,,,,{rows.Sum(r => r.PartySize)},,\r\n");
        audit.Add("openday.export", nameof(OpenDay), day.Id, $"导出政府开放日《{day.Title}》签到表（{rows.Count}条报名）", unitId: day.UnitId);
        await db.SaveChangesAsync(ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return ($"开放日签到表-{day.Id}.csv", bytes);
    }

    /// <summary>Quotes a field; a leading = + - @ is neutralised so a spreadsheet never runs a typed formula.</summary>
    public static string Csv(string value)
    {
        var v = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
