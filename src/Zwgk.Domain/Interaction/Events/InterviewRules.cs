using System.Globalization;

namespace Zwgk.Domain.Interaction.Events;

/// <summary>
/// The interview's lifecycle and Q&amp;A rules. Staff start and end the broadcast explicitly (a late start is common), but a
/// scheduled interview whose end time has passed without being started reads as ended: it no longer takes questions.
/// </summary>
public static class InterviewRules
{
    public const int MaxGuests = 10;
    /// <summary>A question is one question, not an essay.</summary>
    public const int MaxQuestionLength = 500;

    public static InterviewPhase PhaseAt(Interview i, DateTimeOffset now) => i.State switch
    {
        InterviewState.Live => InterviewPhase.Live,
        InterviewState.Ended => InterviewPhase.Ended,
        InterviewState.RecordPublished => InterviewPhase.Record,
        _ => now >= i.EndsAt ? InterviewPhase.Ended : InterviewPhase.Upcoming,
    };

    public static string Label(this InterviewPhase p) => p switch
    {
        InterviewPhase.Upcoming => "预告",
        InterviewPhase.Live => "正在直播",
        InterviewPhase.Ended => "已结束",
        InterviewPhase.Record => "往期回顾",
        _ => p.ToString(),
    };

    public static string Label(this InterviewState s) => s switch
    {
        InterviewState.Scheduled => "已排期",
        InterviewState.Live => "直播中",
        InterviewState.Ended => "已结束",
        InterviewState.RecordPublished => "实录已发布",
        _ => s.ToString(),
    };

    public static string Label(this QuestionStatus s) => s switch
    {
        QuestionStatus.Pending => "待审核",
        QuestionStatus.Selected => "已选用",
        QuestionStatus.Rejected => "不予选用",
        _ => s.ToString(),
    };

    /// <summary>Questions are taken before and during the interview, never after it.</summary>
    public static string? CanAsk(Interview i, DateTimeOffset now) => PhaseAt(i, now) switch
    {
        InterviewPhase.Upcoming or InterviewPhase.Live => null,
        _ => "访谈已结束，不再接受提问",
    };

    public static string? ValidateSchedule(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        endsAt <= startsAt ? "结束时间应晚于开始时间" : endsAt - startsAt > TimeSpan.FromHours(12) ? "一场访谈不超过12小时" : null;

    public static string? Start(Interview i, DateTimeOffset now)
    {
        if (i.State != InterviewState.Scheduled) return "只有已排期的访谈可以开始直播";
        if (i.Guests.Count == 0) return "请先添加访谈嘉宾";
        i.State = InterviewState.Live;
        i.StartedAt = now;
        return null;
    }

    public static string? End(Interview i, DateTimeOffset now)
    {
        if (i.State is not (InterviewState.Live or InterviewState.Scheduled)) return "访谈已经结束";
        i.State = InterviewState.Ended;
        i.EndedAt = now;
        return null;
    }

    public static string? PublishRecord(Interview i, string? summary, string? transcript, DateTimeOffset now)
    {
        if (i.State is not (InterviewState.Ended or InterviewState.RecordPublished)) return "访谈结束后才能发布实录";
        if (string.IsNullOrWhiteSpace(summary) && string.IsNullOrWhiteSpace(transcript)) return "请填写访谈摘要或文字实录";
        i.RecordSummary = Clean(summary);
        i.RecordTranscript = Clean(transcript);
        i.State = InterviewState.RecordPublished;
        i.RecordPublishedAt ??= now;
        return null;
    }

    public static string? Moderate(InterviewQuestion q, bool select, string? reason, string moderator, DateTimeOffset now)
    {
        if (q.AnswerSeq is not null) return "问题已答复，不能再改变审核结果";
        if (!select && string.IsNullOrWhiteSpace(reason)) return "请填写不予选用的理由";
        q.Status = select ? QuestionStatus.Selected : QuestionStatus.Rejected;
        q.RejectReason = select ? null : reason!.Trim();
        q.ModeratedAt = now;
        q.ModeratedBy = moderator;
        return null;
    }

    /// <summary>Staff type a guest's answer to a selected question while live (or after, before the record is out). The first
    /// answer gives the question its place in the live feed; a correction keeps it.</summary>
    public static string? Answer(Interview i, InterviewQuestion q, string? answer, string? guest, string staff, DateTimeOffset now)
    {
        if (i.State is not (InterviewState.Live or InterviewState.Ended)) return "访谈开始后才能答复";
        if (q.Status != QuestionStatus.Selected) return "只能答复已选用的问题";
        if (string.IsNullOrWhiteSpace(answer)) return "请填写答复内容";
        var g = i.Guests.FirstOrDefault(x => x.Name == guest?.Trim());
        if (g is null) return "请选择答复的嘉宾";
        q.Answer = Clean(answer);
        q.AnsweredByGuest = g.Name;
        q.AnsweredByStaff = staff;
        q.AnsweredAt ??= now;
        if (q.AnswerSeq is null) q.AnswerSeq = ++i.LastAnswerSeq;
        return null;
    }

    /// <summary>The public Q&amp;A: selected and answered questions in the order they were answered, after sequence <paramref name="after"/>.</summary>
    public static IEnumerable<InterviewQuestion> PublicQa(IEnumerable<InterviewQuestion> questions, int after = 0) =>
        questions.Where(q => q.IsPublic && q.AnswerSeq > after).OrderBy(q => q.AnswerSeq);

    /// <summary>Plain text kept plain: control characters (other than line breaks and tabs) removed, line ends unified, trimmed.</summary>
    public static string? Clean(string? text)
    {
        if (text is null) return null;
        var s = new string(text.Replace("\r\n", "\n").Replace('\r', '\n').Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Trim();
        return s.Length == 0 ? null : s;
    }

    public static IReadOnlyList<int> ParseIds(string? text) =>
        (text ?? "").Split([',', '，', ' ', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
}
