using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Concerns;

/// <summary>Response time limits in clock hours (not working days): 国办发〔2016〕61号, 国办发〔2016〕80号.</summary>
/// <param name="DueSoonPercent">"即将超时" once this share of a milestone's span is left (25: the last 75 minutes of 5 hours).</param>
public sealed record ConcernTimeLimits(int MajorInfoHours = 5, int MajorPressHours = 24, int GeneralHours = 48, int DueSoonPercent = 25)
{
    public static readonly ConcernTimeLimits Default = new();
}

/// <summary>Derived status: 待回应 / 即将超时 / 已超时 / 按时回应 / 超时回应.</summary>
public enum ConcernStatus { Pending = 0, DueSoon = 1, Overdue = 2, OnTime = 3, Late = 4 }

public enum MilestoneKind { Info, Press, Response }

/// <summary>One deadline of a concern and how it stands.</summary>
public sealed record Milestone(MilestoneKind Kind, DateTimeOffset Due, DateTimeOffset? MetAt, ConcernStatus Status);

public sealed record ConcernDeadlines(DateTimeOffset? InfoDue, DateTimeOffset? PressDue, DateTimeOffset? ResponseDue);

/// <summary>
/// The rules of a public concern: deadlines from the discovery time and the level, the status of each milestone at a
/// moment, validation. Pure: the time comes from the caller's TimeProvider.
/// </summary>
public static class ConcernRules
{
    public static ConcernDeadlines Deadlines(ConcernLevel level, DateTimeOffset discoveredAt, ConcernTimeLimits limits) =>
        level == ConcernLevel.Major
            ? new(discoveredAt.AddHours(limits.MajorInfoHours), discoveredAt.AddHours(limits.MajorPressHours), null)
            : new(null, null, discoveredAt.AddHours(limits.GeneralHours));

    /// <summary>
    /// Which responses meet a milestone. A press conference is itself an authoritative release, so it also meets the
    /// 5-hour milestone if held that early; any response meets a general concern's 48 hours.
    /// </summary>
    public static bool Meets(MilestoneKind kind, ResponseMethod method) => kind switch
    {
        MilestoneKind.Info => method is ResponseMethod.AuthoritativeInfo or ResponseMethod.PressConference,
        MilestoneKind.Press => method == ResponseMethod.PressConference,
        _ => true,
    };

    public static IReadOnlyList<Milestone> Milestones(PublicConcern c, DateTimeOffset now, ConcernTimeLimits limits) =>
        Milestones(c.Level, c.DiscoveredAt, c.Responses.Select(r => (r.Method, r.RespondedAt)), c.ClosedAt, now, limits);

    public static IReadOnlyList<Milestone> Milestones(ConcernLevel level, DateTimeOffset discoveredAt, IEnumerable<(ResponseMethod Method, DateTimeOffset At)> responses,
        DateTimeOffset? closedAt, DateTimeOffset now, ConcernTimeLimits limits)
    {
        var d = Deadlines(level, discoveredAt, limits);
        var list = responses.ToList();
        var result = new List<Milestone>();
        void Add(MilestoneKind kind, DateTimeOffset due, int hours)
        {
            var met = list.Where(r => Meets(kind, r.Method)).Select(r => (DateTimeOffset?)r.At).Min();
            ConcernStatus status;
            if (met is { } at) status = at <= due ? ConcernStatus.OnTime : ConcernStatus.Late;
            // Closed without this kind of response: judged at closing (a press conference not needed once it is settled).
            else if (closedAt is { } closed) status = closed <= due ? ConcernStatus.OnTime : ConcernStatus.Late;
            else if (now > due) status = ConcernStatus.Overdue;
            else if (due - now <= TimeSpan.FromHours(hours * limits.DueSoonPercent / 100.0)) status = ConcernStatus.DueSoon;
            else status = ConcernStatus.Pending;
            result.Add(new Milestone(kind, due, met, status));
        }
        if (level == ConcernLevel.Major)
        {
            Add(MilestoneKind.Info, d.InfoDue!.Value, limits.MajorInfoHours);
            Add(MilestoneKind.Press, d.PressDue!.Value, limits.MajorPressHours);
        }
        else Add(MilestoneKind.Response, d.ResponseDue!.Value, limits.GeneralHours);
        return result;
    }

    /// <summary>The worst open milestone decides (已超时 before 即将超时 before 待回应); once all are met, late if any was late.</summary>
    public static ConcernStatus Status(IReadOnlyList<Milestone> milestones)
    {
        if (milestones.Any(m => m.Status == ConcernStatus.Overdue)) return ConcernStatus.Overdue;
        if (milestones.Any(m => m.Status == ConcernStatus.DueSoon)) return ConcernStatus.DueSoon;
        if (milestones.Any(m => m.Status == ConcernStatus.Pending)) return ConcernStatus.Pending;
        return milestones.Any(m => m.Status == ConcernStatus.Late) ? ConcernStatus.Late : ConcernStatus.OnTime;
    }

    public static ConcernStatus Status(PublicConcern c, DateTimeOffset now, ConcernTimeLimits limits) => Status(Milestones(c, now, limits));

    public static bool IsOpen(this ConcernStatus s) => s is ConcernStatus.Pending or ConcernStatus.DueSoon or ConcernStatus.Overdue;

    /// <summary>Hours from discovery to the first response of any kind, or null.</summary>
    public static double? FirstResponseHours(PublicConcern c) =>
        c.Responses.Count == 0 ? null : (c.Responses.Min(r => r.RespondedAt) - c.DiscoveredAt).TotalHours;

    /// <summary>Field errors of a concern (keys as the API's field names).</summary>
    public static Dictionary<string, string> Validate(PublicConcern c, DateTimeOffset now)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(c.Topic)) e["topic"] = "请填写舆情主题";
        else if (c.Topic.Length > FieldLengths.ConcernTopic) e["topic"] = $"主题不能超过{FieldLengths.ConcernTopic}字";
        if (string.IsNullOrWhiteSpace(c.Summary)) e["summary"] = "请填写关切内容";
        else if (c.Summary.Length > FieldLengths.ConcernSummary) e["summary"] = $"关切内容不能超过{FieldLengths.ConcernSummary}字";
        if (c.Field is { Length: > FieldLengths.ConcernField }) e["field"] = $"领域不能超过{FieldLengths.ConcernField}字";
        if (c.SourceUrl is { } url && !IsWebUrl(url, FieldLengths.Url)) e["sourceUrl"] = "来源链接应为 http 或 https 网址";
        // A few minutes' grace for the monitoring system's clock.
        if (c.DiscoveredAt > now.AddMinutes(10)) e["discoveredAt"] = "发现时间不能晚于当前时间";
        else if (c.DiscoveredAt < now.AddYears(-1)) e["discoveredAt"] = "发现时间不能早于一年前";
        return e;
    }

    public static Dictionary<string, string> ValidateResponse(PublicConcern c, ConcernResponse r, DateTimeOffset now)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(r.Summary)) e["summary"] = "请填写回应内容摘要";
        else if (r.Summary.Length > FieldLengths.ConcernResponseSummary) e["summary"] = $"回应摘要不能超过{FieldLengths.ConcernResponseSummary}字";
        if (r.Publisher is { Length: > FieldLengths.PersonName }) e["publisher"] = $"发布人不能超过{FieldLengths.PersonName}字";
        if (r.Url is { } url && !IsWebUrl(url, FieldLengths.Url)) e["url"] = "回应链接应为 http 或 https 网址";
        if (r.DocumentId is not null && r.Url is not null) e["url"] = "请在“公开文件”和“网址”中选择一种链接";
        if (r.RespondedAt > now.AddMinutes(10)) e["respondedAt"] = "回应时间不能晚于当前时间";
        else if (r.RespondedAt < c.DiscoveredAt) e["respondedAt"] = "回应时间不能早于发现时间";
        return e;
    }

    public static bool IsWebUrl(string url, int max) =>
        url.Length <= max && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    public static string? Close(PublicConcern c, string? note, string by, DateTimeOffset now)
    {
        if (c.IsClosed) return "该舆情已办结";
        if (c.Responses.Count == 0) return "尚未登记回应，不能办结";
        if (string.IsNullOrWhiteSpace(note)) return "请填写办结说明";
        if (note.Trim().Length > FieldLengths.ConcernClosingNote) return $"办结说明不能超过{FieldLengths.ConcernClosingNote}字";
        c.ClosedAt = now;
        c.ClosedBy = by;
        c.ClosingNote = note.Trim();
        return null;
    }

    // ---------- labels ----------

    public static string Label(this ConcernSource s) => s switch
    {
        ConcernSource.OnlineOpinion => "网络舆情",
        ConcernSource.MediaReport => "媒体报道",
        ConcernSource.Hotline12345 => "12345热线",
        ConcernSource.NetizenMessage => "网民留言",
        ConcernSource.DeputySuggestion => "人大代表建议",
        ConcernSource.CppccProposal => "政协委员提案",
        ConcernSource.Assigned => "上级交办",
        _ => "其他",
    };

    public static string Label(this ConcernLevel l) => l == ConcernLevel.Major ? "特别重大/重大突发事件" : "一般";

    public static string Label(this ResponseMethod m) => m switch
    {
        ResponseMethod.AuthoritativeInfo => "发布权威信息",
        ResponseMethod.PressConference => "新闻发布会",
        ResponseMethod.Briefing => "吹风会",
        ResponseMethod.MediaInterview => "接受媒体采访",
        ResponseMethod.Website => "网站回应",
        ResponseMethod.NewMedia => "政务新媒体回应",
        _ => "其他",
    };

    public static string Label(this ConcernStatus s) => s switch
    {
        ConcernStatus.Pending => "待回应",
        ConcernStatus.DueSoon => "即将超时",
        ConcernStatus.Overdue => "已超时",
        ConcernStatus.OnTime => "按时回应",
        _ => "超时回应",
    };

    public static string Label(this MilestoneKind k) => k switch
    {
        MilestoneKind.Info => "发布权威信息",
        MilestoneKind.Press => "举行新闻发布会",
        _ => "予以回应",
    };

    /// <summary>Accepts the enum name or the Chinese label (API input).</summary>
    public static T? Parse<T>(string? text, Func<T, string> label) where T : struct, Enum
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase) || label(v) == t) return v;
        return null;
    }

    public static ConcernSource? ParseSource(string? s) => Parse<ConcernSource>(s, Label);
    public static ConcernLevel? ParseLevel(string? s) =>
        s?.Trim() is "特别重大" or "重大" or "重大突发事件" or "特别重大、重大突发事件" ? ConcernLevel.Major : Parse<ConcernLevel>(s, Label);
    public static ResponseMethod? ParseMethod(string? s) => Parse<ResponseMethod>(s, Label);
}
