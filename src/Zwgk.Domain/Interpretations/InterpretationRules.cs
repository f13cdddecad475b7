using System.Globalization;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Units;

namespace Zwgk.Domain.Interpretations;

/// <summary>Site settings of the rule checks (Zwgk:Interpretation:*).</summary>
public sealed record InterpretationSettings
{
    /// <summary>Working days after the policy's publication day within which its interpretation must appear.</summary>
    public int DeadlineWorkingDays { get; init; } = 3;
    /// <summary>Distinct forms a policy's interpretations must cover.</summary>
    public int MinimumForms { get; init; } = 3;
    /// <summary>Distinct forms required of documents issued in the name of the district government (区政府名义).</summary>
    public int MinimumFormsGovernment { get; init; } = 5;
    /// <summary>Share of an interpretation's text copied from the policy at which it counts as only repeating it.</summary>
    public double MaxOverlap { get; init; } = 0.6;
}

public enum TimelinessState
{
    /// <summary>「三同步」: published on the policy's day (or before it).</summary>
    SameDay,
    OnTime,
    Late,
    /// <summary>No interpretation yet, still within the deadline.</summary>
    Pending,
    /// <summary>No interpretation and the deadline has passed.</summary>
    Overdue,
}

/// <summary>Timeliness of one interpretation, or of a policy still without one.</summary>
public sealed record Timeliness(TimelinessState State, DateOnly Deadline, int WorkingDaysLate)
{
    public bool IsProblem => State is TimelinessState.Late or TimelinessState.Overdue;

    public string Label => State switch
    {
        TimelinessState.SameDay => "同步发布",
        TimelinessState.OnTime => "按时发布",
        TimelinessState.Late => $"逾期发布（晚{WorkingDaysLate}个工作日）",
        TimelinessState.Pending => $"待解读（截止{Deadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}）",
        _ => $"逾期未解读（已超{WorkingDaysLate}个工作日）",
    };
}

/// <summary>Distinct forms among a policy's published interpretations against the site's minimum.</summary>
public sealed record FormsCheck(IReadOnlyList<InterpretationForm> Present, int Required, bool Government)
{
    public bool Met => Present.Count >= Required;
    public string Label => Met
        ? $"解读形式{Present.Count}种（要求不少于{Required}种）"
        : $"解读形式不足：{Present.Count}种，{(Government ? "区政府名义文件" : "")}要求不少于{Required}种";
}

/// <summary>
/// The 政策解读 rule checks of 国办发〔2016〕19号 and the 实施细则: which policies need an interpretation, whether it came
/// within the deadline, in enough forms, and whether it says more than the policy itself. Pure: dates, calendar and
/// settings come in.
/// </summary>
public static class InterpretationRules
{
    /// <summary>Shingle length of the overlap measure: eight characters is a short clause; shorter ones hit stock phrases.</summary>
    public const int ShingleLength = 8;

    /// <summary>A 规范性文件 or 重要政策 that is public and in force must be interpreted.</summary>
    public static bool RequiresInterpretation(Document d) =>
        (d.IsNormative || d.IsMajorPolicy) && d.IsPublic && d.Validity == Validity.InForce;

    /// <summary>The China calendar day of a publication time.</summary>
    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static DateOnly Deadline(DateOnly policyDay, WorkingCalendar calendar, InterpretationSettings settings) =>
        calendar.AddWorkingDays(policyDay, settings.DeadlineWorkingDays);

    /// <summary>Timeliness of an interpretation published on <paramref name="interpretationDay"/> for a policy of <paramref name="policyDay"/>.</summary>
    public static Timeliness ForInterpretation(DateOnly policyDay, DateOnly interpretationDay, WorkingCalendar calendar, InterpretationSettings settings)
    {
        var deadline = Deadline(policyDay, calendar, settings);
        if (interpretationDay <= policyDay) return new(TimelinessState.SameDay, deadline, 0);
        if (interpretationDay <= deadline) return new(TimelinessState.OnTime, deadline, 0);
        // Published on a rest day after the deadline still counts as the next working day's lateness.
        return new(TimelinessState.Late, deadline, Math.Max(1, calendar.WorkingDaysBetween(deadline, interpretationDay)));
    }

    /// <summary>A policy that needs an interpretation and has none published: pending until the deadline, overdue after.</summary>
    public static Timeliness ForMissing(DateOnly policyDay, DateOnly today, WorkingCalendar calendar, InterpretationSettings settings)
    {
        var deadline = Deadline(policyDay, calendar, settings);
        if (today <= deadline) return new(TimelinessState.Pending, deadline, 0);
        return new(TimelinessState.Overdue, deadline, Math.Max(1, calendar.WorkingDaysBetween(deadline, today)));
    }

    /// <summary>
    /// The policy's timeliness: the earliest published interpretation decides (the rule asks for one within the
    /// deadline; later ones in other forms are welcome), or the missing state when there is none.
    /// </summary>
    public static Timeliness ForPolicy(DateOnly policyDay, IEnumerable<DateOnly> interpretationDays, DateOnly today, WorkingCalendar calendar, InterpretationSettings settings)
    {
        var days = interpretationDays.ToList();
        return days.Count == 0 ? ForMissing(policyDay, today, calendar, settings) : ForInterpretation(policyDay, days.Min(), calendar, settings);
    }

    /// <summary>
    /// 区政府名义: the lead issuer (or, with no issuer listed and no outside issuer, the owner) is the district government.
    /// </summary>
    public static bool IsGovernmentDocument(UnitKind? leadIssuerKind, UnitKind ownerKind, string? externalIssuer) =>
        leadIssuerKind is { } lead ? lead == UnitKind.DistrictGovernment
            : string.IsNullOrWhiteSpace(externalIssuer) && ownerKind == UnitKind.DistrictGovernment;

    public static FormsCheck CheckForms(IEnumerable<InterpretationForm> forms, bool government, InterpretationSettings settings) =>
        new(forms.Distinct().Order().ToList(), government ? settings.MinimumFormsGovernment : settings.MinimumForms, government);

    /// <summary>Text reduced to letters and digits (punctuation, spaces and symbols removed; Latin letters lower-cased).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var chars = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) chars[n++] = char.ToLowerInvariant(c);
        }
        return new string(chars, 0, n);
    }

    /// <summary>
    /// Share (0..1) of the interpretation's normalised characters that lie inside some run of
    /// <see cref="ShingleLength"/> consecutive characters also found in the policy: 1 is a verbatim copy, a genuine
    /// explanation in other words scores low even when it quotes a few clauses.
    /// </summary>
    public static double Overlap(string? interpretationText, string? policyText)
    {
        var text = Normalize(interpretationText);
        var policy = Normalize(policyText);
        if (text.Length < ShingleLength || policy.Length < ShingleLength) return 0;
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + ShingleLength <= policy.Length; i++) shingles.Add(policy.Substring(i, ShingleLength));
        var covered = new bool[text.Length];
        for (int i = 0; i + ShingleLength <= text.Length; i++)
        {
            if (!shingles.Contains(text.Substring(i, ShingleLength))) continue;
            for (int j = i; j < i + ShingleLength; j++) covered[j] = true;
        }
        return covered.Count(c => c) / (double)text.Length;
    }

    public static bool IsHighOverlap(double overlap, InterpretationSettings settings) => overlap >= settings.MaxOverlap;

    /// <summary>
    /// 主要负责人: a head's title (局长, 主任, 区长, 书记, 镇长 …), not a deputy's. Titles are free text, so this is a
    /// label for the page, never a gate.
    /// </summary>
    public static bool IsLeaderTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return false;
        var t = title.Trim();
        if (t.Contains('副')) return false;
        return t.EndsWith('长') || t.Contains("主任", StringComparison.Ordinal) || t.Contains("书记", StringComparison.Ordinal)
            || t.Contains("主要负责人", StringComparison.Ordinal);
    }

    /// <summary>
    /// Accessibility of the media before publishing: an image needs alt text; video and audio need a transcript or a
    /// captions file. Returns one Chinese message per problem; empty when ready.
    /// </summary>
    public static IReadOnlyList<string> MediaProblems(IEnumerable<InterpretationMedia> media)
    {
        var problems = new List<string>();
        foreach (var m in media.OrderBy(m => m.Order))
        {
            var name = m.Attachment?.FileName ?? $"附件{m.AttachmentId}";
            if (m.Kind == MediaKind.Image && string.IsNullOrWhiteSpace(m.AltText))
                problems.Add($"图片「{name}」缺少替代文字");
            else if (m.Kind is MediaKind.Video or MediaKind.Audio && string.IsNullOrWhiteSpace(m.Transcript) && m.CaptionsAttachmentId is null)
                problems.Add($"{m.Kind.Label()}「{name}」缺少文字实录或字幕文件");
        }
        return problems;
    }

    /// <summary>The refusal shown when a document with inaccessible media is submitted or published.</summary>
    public static string? PublishRefusal(IEnumerable<InterpretationMedia> media)
    {
        var problems = MediaProblems(media);
        return problems.Count == 0 ? null
            : "解读材料须便于残障人士获取，补充后才能发布：" + string.Join("；", problems);
    }
}
