using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Interaction.Moderation;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events;

/// <summary>What staff type when scheduling an interview. Guests: one per line, 姓名，职务.</summary>
public sealed record InterviewInput(int? UnitId, string? Title, string? Topic, string? Description, string? StartsAt, string? EndsAt, string? Guests, string? RelatedDocumentIds);

/// <summary>One entry of the public live Q&amp;A (asker name masked, no phone).</summary>
public sealed record QaEntry(int Seq, string Asker, string Question, string AskedAt, string Answer, string Guest, string AnsweredAt);

/// <summary>GET /api/v1/interviews/{id}/qa: the phase and the answered questions after the given sequence.</summary>
public sealed record QaFeed(int InterviewId, string Phase, bool Live, int Last, IReadOnlyList<QaEntry> Items);

/// <summary>Scheduling, running and recording interviews, and the public questions. Every staff action is audited; askers' details are never logged.</summary>
public sealed class InterviewService(ZwgkDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock, ModerationScreen screen)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The interviews the user may manage (their unit's, or all for the 公开办).</summary>
    public IQueryable<Interview> Scoped() => me.SpansAllUnits ? db.Interviews : db.Interviews.Where(i => i.UnitId == me.UnitId);

    public async Task<Interview?> FindAsync(int id, CancellationToken ct)
    {
        if (!me.CanManageEvents()) return null;
        return await Scoped().Include(i => i.Guests.OrderBy(g => g.Order)).Include(i => i.Questions).FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    public async Task<ServiceResult> SaveAsync(int? id, InterviewInput input, CancellationToken ct)
    {
        if (!me.CanManageEvents()) return ServiceResult.NotFound();
        var errors = new Dictionary<string, string>();
        var title = InterviewRules.Clean(input.Title);
        if (title is null) errors["Title"] = "请填写访谈标题";
        else if (title.Length > FieldLengths.Title) errors["Title"] = $"标题不超过{FieldLengths.Title}字";
        var topic = InterviewRules.Clean(input.Topic);
        if (topic?.Length > FieldLengths.InterviewTopic) errors["Topic"] = $"主题不超过{FieldLengths.InterviewTopic}字";
        var description = InterviewRules.Clean(input.Description);
        if (description?.Length > FieldLengths.EventDescription) errors["Description"] = $"简介不超过{FieldLengths.EventDescription}字";
        var starts = EventTimes.Parse(input.StartsAt);
        var ends = EventTimes.Parse(input.EndsAt);
        if (starts is null) errors["StartsAt"] = "请填写开始时间";
        if (ends is null) errors["EndsAt"] = "请填写结束时间";
        if (starts is { } s && ends is { } e && InterviewRules.ValidateSchedule(s, e) is { } bad) errors["EndsAt"] = bad;
        var guests = ParseGuests(input.Guests, errors);
        var related = InterviewRules.ParseIds(input.RelatedDocumentIds);
        var relatedText = string.Join(",", related);
        if (relatedText.Length > FieldLengths.RelatedDocumentIds) errors["RelatedDocumentIds"] = "相关文件过多";
        else if (related.Count > 0)
        {
            // Only published public documents: the portal links them, and an unpublished one must not be probed by its id.
            var found = await db.Documents.Where(d => related.Contains(d.Id)).Where(DocumentVisibility.IsPublic).Select(d => d.Id).ToListAsync(ct);
            if (related.Except(found).ToList() is { Count: > 0 } missing) errors["RelatedDocumentIds"] = "文件不存在或尚未主动公开：" + string.Join("、", missing);
        }
        var unitId = input.UnitId is int u && me.SpansAllUnits ? u : me.UnitId;
        if (!await db.Units.AnyAsync(x => x.Id == unitId, ct)) errors["UnitId"] = "请选择主办单位";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var now = Now;
        Interview interview;
        if (id is int existing)
        {
            var found = await FindAsync(existing, ct);
            if (found is null) return ServiceResult.NotFound();
            interview = found;
            if (interview.State is InterviewState.Ended or InterviewState.RecordPublished && (interview.StartsAt != starts || interview.EndsAt != ends))
                return ServiceResult.Invalid("访谈已结束，不能再修改时间");
            db.InterviewGuests.RemoveRange(interview.Guests);
            interview.Guests.Clear();
        }
        else
        {
            interview = new Interview { CreatedAt = now, CreatedBy = me.UserName ?? "", State = InterviewState.Scheduled };
            db.Interviews.Add(interview);
        }
        interview.UnitId = unitId;
        interview.Title = title!;
        interview.Topic = topic;
        interview.Description = description;
        interview.StartsAt = starts!.Value;
        interview.EndsAt = ends!.Value;
        interview.RelatedDocumentIds = relatedText.Length == 0 ? null : relatedText;
        interview.UpdatedAt = now;
        interview.Guests.AddRange(guests);
        if (id is null) await db.SaveChangesAsync(ct);
        audit.Add(id is null ? "interview.create" : "interview.update", nameof(Interview), interview.Id,
            $"{(id is null ? "安排" : "修改")}在线访谈《{interview.Title}》（{EventTimes.Span(interview.StartsAt, interview.EndsAt)}）", unitId: unitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(interview.Id);
    }

    private static List<InterviewGuest> ParseGuests(string? text, Dictionary<string, string> errors)
    {
        var list = new List<InterviewGuest>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cut = line.IndexOfAny(['，', ',', '|', '｜', '\t', '、']);
            var name = (cut < 0 ? line : line[..cut]).Trim();
            var position = cut < 0 ? "" : line[(cut + 1)..].Trim();
            if (name.Length == 0) continue;
            if (name.Length > FieldLengths.PersonName || position.Length > FieldLengths.GuestPosition) { errors["Guests"] = "嘉宾姓名或职务过长"; break; }
            if (list.Any(g => g.Name == name)) { errors["Guests"] = $"嘉宾重复：{name}"; break; }
            list.Add(new InterviewGuest { Name = name, Position = position, Order = list.Count + 1 });
        }
        if (list.Count > InterviewRules.MaxGuests) errors["Guests"] = $"嘉宾不超过{InterviewRules.MaxGuests}位";
        return list;
    }

    public Task<ServiceResult> StartAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, i => InterviewRules.Start(i, Now), "interview.start", i => $"开始直播在线访谈《{i.Title}》", ct);

    public Task<ServiceResult> EndAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, i => InterviewRules.End(i, Now), "interview.end", i => $"结束在线访谈《{i.Title}》", ct);

    public Task<ServiceResult> PublishRecordAsync(int id, string? summary, string? transcript, CancellationToken ct)
    {
        if (summary?.Length > FieldLengths.InterviewSummary) return Task.FromResult(ServiceResult.Invalid($"摘要不超过{FieldLengths.InterviewSummary}字"));
        if (transcript?.Length > FieldLengths.InterviewTranscript) return Task.FromResult(ServiceResult.Invalid("文字实录过长"));
        return ChangeAsync(id, i => InterviewRules.PublishRecord(i, summary, transcript, Now), "interview.record", i => $"发布在线访谈《{i.Title}》的文字实录", ct);
    }

    public Task<ServiceResult> ModerateAsync(int id, int questionId, bool select, string? reason, CancellationToken ct)
    {
        if (reason?.Length > FieldLengths.Reason) return Task.FromResult(ServiceResult.Invalid($"理由不超过{FieldLengths.Reason}字"));
        return ChangeAsync(id, i => i.Questions.FirstOrDefault(q => q.Id == questionId) is { } q
                ? InterviewRules.Moderate(q, select, reason, me.UserName ?? "", Now) : "问题不存在",
            select ? "interview.question.select" : "interview.question.reject",
            i => $"{(select ? "选用" : "不予选用")}在线访谈《{i.Title}》的网友提问#{questionId}{(select ? "" : "：" + reason)}", ct);
    }

    public Task<ServiceResult> AnswerAsync(int id, int questionId, string? answer, string? guest, CancellationToken ct)
    {
        if (answer?.Length > FieldLengths.InterviewAnswer) return Task.FromResult(ServiceResult.Invalid($"答复不超过{FieldLengths.InterviewAnswer}字"));
        return ChangeAsync(id, i => i.Questions.FirstOrDefault(q => q.Id == questionId) is { } q
                ? InterviewRules.Answer(i, q, answer, guest, me.UserName ?? "", Now) : "问题不存在",
            "interview.question.answer", i => $"以{guest}名义答复在线访谈《{i.Title}》的网友提问#{questionId}", ct);
    }

    private async Task<ServiceResult> ChangeAsync(int id, Func<Interview, string?> change, string action, Func<Interview, string> summary, CancellationToken ct)
    {
        // A concurrent answer moves LastAnswerSeq (the concurrency token): reload and apply again.
        for (var attempt = 0; ; attempt++)
        {
            var i = await FindAsync(id, ct);
            if (i is null) return ServiceResult.NotFound();
            if (change(i) is { } refused) return ServiceResult.Invalid(refused);
            i.UpdatedAt = Now;
            audit.Add(action, nameof(Interview), i.Id, summary(i), unitId: i.UnitId);
            try
            {
                await db.SaveChangesAsync(ct);
                return ServiceResult.Success(i.Id);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A public question: accepted before or during the interview, always waiting for moderation; the screen's
    /// findings go to the moderator. Nothing about the asker is logged or audited.</summary>
    public async Task<ServiceResult> AskAsync(int id, string? name, string? phone, string? content, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interview is null) return ServiceResult.NotFound();
        if (InterviewRules.CanAsk(interview, Now) is { } closed) return ServiceResult.Invalid(closed);
        var errors = new Dictionary<string, string>();
        var text = InterviewRules.Clean(content);
        if (text is null) errors["Content"] = "请填写问题";
        else if (text.Length > InterviewRules.MaxQuestionLength) errors["Content"] = $"问题不超过{InterviewRules.MaxQuestionLength}字";
        var asker = InterviewRules.Clean(name)?.Replace("\n", " ");
        if (asker?.Length > FieldLengths.PersonName) errors["Name"] = $"称呼不超过{FieldLengths.PersonName}字";
        var tel = InterviewRules.Clean(phone);
        if (tel is not null && OpenDayRules.PhoneKey(tel) is null) errors["Phone"] = "请填写正确的手机或固定电话号码";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        var screened = screen.Screen(text);
        var q = new InterviewQuestion
        {
            InterviewId = id, AskerName = asker, AskerPhone = tel, Content = text!, AskedAt = Now, Status = QuestionStatus.Pending,
            ScreenNote = screened.Held ? FieldLengths.Clip(string.Join("；", screened.Reasons), FieldLengths.ModerationNote) : null,
        };
        db.InterviewQuestions.Add(q);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(q.Id);
    }

    /// <summary>The public feed; null when there is no such interview.</summary>
    public async Task<QaFeed?> FeedAsync(int id, int after, CancellationToken ct)
    {
        var i = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return null;
        var rows = await db.InterviewQuestions.AsNoTracking()
            .Where(q => q.InterviewId == id && q.Status == QuestionStatus.Selected && q.AnswerSeq != null && q.AnswerSeq > after && q.Answer != null)
            .ToListAsync(ct);
        var items = InterviewRules.PublicQa(rows, after).Select(ToEntry).ToList();
        var phase = InterviewRules.PhaseAt(i, Now);
        return new QaFeed(i.Id, phase.Label(), phase == InterviewPhase.Live, items.Count > 0 ? items[^1].Seq : after, items);
    }

    public static QaEntry ToEntry(InterviewQuestion q) => new(q.AnswerSeq ?? 0,
        string.IsNullOrWhiteSpace(q.AskerName) ? "网友" : PersonalData.MaskName(q.AskerName), q.Content, EventTimes.Short(q.AskedAt),
        q.Answer ?? "", q.AnsweredByGuest ?? "", EventTimes.Short(q.AnsweredAt));
}
