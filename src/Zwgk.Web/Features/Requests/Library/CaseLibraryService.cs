using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Search.Text;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>
/// The 案例库: a closed case is copied, anonymised, as a draft; a person reads the draft (with what was replaced), may correct
/// it, and confirms it into the library. Adding and confirming are for those who may act on the case (its unit's request
/// staff, the 公开办); reading the confirmed library is for all request staff of every unit (<see cref="RequestAccess.CanWork"/>),
/// as it holds no personal data.
/// </summary>
public sealed class CaseLibraryService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string EntityType = "CaseLibraryEntry";

    public async Task<ServiceResult> AddAsync(CaseLibraryAdd input, CancellationToken ct = default)
    {
        if (!user.CanWork()) return ServiceResult.Forbidden();
        var r = await user.Scope(db.InformationRequests).FirstOrDefaultAsync(x => x.Id == input.RequestId, ct);
        if (r is null) return ServiceResult.NotFound();
        if (!user.CanAct(r)) return ServiceResult.Forbidden("只有承办该申请的人员或公开办可以将其加入案例库");
        if (CaseLibraryRules.CanAdd(r) is { } error) return ServiceResult.Invalid(error);
        if (await db.CaseLibraryEntries.AnyAsync(e => e.RequestId == r.Id, ct)) return ServiceResult.Invalid("该申请已有案例库条目（待确认或已入库）");
        if (Limits(input.Notes, input.Tags) is { } tooLong) return tooLong;

        var subject = AnonymizerSubject.Of(r);
        var title = CaseAnonymizer.Anonymize(r.InformationTitle, subject);
        var description = CaseAnonymizer.Anonymize(r.Description, subject);
        var reply = CaseAnonymizer.Anonymize(r.ReplyText, subject);
        var notes = CaseAnonymizer.Anonymize(Trim(input.Notes), subject);
        var now = clock.GetUtcNow();
        var entry = new CaseLibraryEntry
        {
            RequestId = r.Id, UnitId = r.UnitId, Year = (r.ReceivedOn ?? r.RepliedOn ?? DateOnly.FromDateTime(r.SubmittedAt.UtcDateTime)).Year,
            // Without a topic set on the case, the library files it under the one the analysis infers (so the topic filter finds it).
            ApplicantType = r.ApplicantType, Topic = r.Topic ?? InferredTopic(r), DocumentNumber = r.DocumentNumber, Outcome = r.Outcome!.Value,
            InformationTitle = FieldLengths.Clip(title.Text, FieldLengths.Title), Description = FieldLengths.Clip(description.Text, FieldLengths.RequestDescription),
            ReplyText = reply.Text.Length == 0 ? null : FieldLengths.Clip(reply.Text, FieldLengths.ReplyText),
            Notes = notes.Text.Length == 0 ? null : notes.Text, Tags = Trim(input.Tags),
            Replacements = CaseLibraryEntry.FormatReplacements(CaseAnonymizer.Combine([title, description, reply, notes])),
            Status = CaseLibraryStatus.Draft, CreatedAt = now, UpdatedAt = now,
            CreatedBy = FieldLengths.Clip(user.UserName ?? "", FieldLengths.PersonName), CreatedByUserId = user.UserId,
        };
        entry.SearchWords = SearchWordsOf(entry);
        db.CaseLibraryEntries.Add(entry);
        db.RequestEvents.Add(new RequestEvent { RequestId = r.Id, At = now, Kind = RequestEventKind.Note, ActorName = entry.CreatedBy, ActorUserId = user.UserId, Note = "匿名化后加入案例库（待确认）" });
        await db.SaveChangesAsync(ct);
        // The audit names the case number and the kinds replaced, never the values.
        audit.Add("request.library.draft", EntityType, entry.Id, $"{r.CaseNumber} 匿名化后加入案例库（待确认）：{CaseAnonymizer.Describe(entry.ReplacementList)}", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(entry.Id);
    }

    /// <summary>Saves a person's corrections to a draft; the corrected texts go through the anonymiser again.</summary>
    public async Task<ServiceResult> EditAsync(int id, CaseLibraryEdit edit, CancellationToken ct = default)
    {
        var (error, entry, r) = await LoadDraftAsync(id, ct);
        if (error is not null) return error;
        if (Limits(edit.Notes, edit.Tags) is { } tooLong) return tooLong;
        if (edit.InformationTitle is { Length: > FieldLengths.Title } || edit.Description is { Length: > FieldLengths.RequestDescription }
            || edit.ReplyText is { Length: > FieldLengths.ReplyText } || edit.Topic is { Length: > FieldLengths.TopicCategory })
            return ServiceResult.Invalid("内容超过长度限制");
        if (edit.InformationTitle is { } t && string.IsNullOrWhiteSpace(t)) return ServiceResult.Invalid(new Dictionary<string, string> { ["InformationTitle"] = "请填写所需信息名称" });
        var subject = AnonymizerSubject.Of(r!);
        var found = new List<AnonymizedText>();
        string Clean(string value) { var a = CaseAnonymizer.Anonymize(value, subject); found.Add(a); return a.Text; }
        if (edit.InformationTitle is { } title) entry!.InformationTitle = Clean(title.Trim());
        if (edit.Description is { } d) entry!.Description = Clean(d.Trim());
        if (edit.ReplyText is { } reply) entry!.ReplyText = Trim(Clean(reply));
        if (edit.Notes is { } notes) entry!.Notes = Trim(Clean(notes));
        if (edit.Topic is { } topic) entry!.Topic = Trim(topic);
        if (edit.Tags is { } tags) entry!.Tags = Trim(tags);
        // Replacements found in the corrections add to what the first pass found.
        entry!.Replacements = CaseLibraryEntry.FormatReplacements(CaseAnonymizer.Combine(found.Append(new AnonymizedText("", entry.ReplacementList))));
        entry.SearchWords = SearchWordsOf(entry);
        entry.UpdatedAt = clock.GetUtcNow();
        audit.Add("request.library.edit", EntityType, entry.Id, $"{r!.CaseNumber} 修改案例库草稿", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(entry.Id);
    }

    /// <summary>
    /// Confirms a draft into the library. The confirmer may be the person who created the draft: the check is a reading of
    /// the machine's anonymisation against the case, not a second decision on disclosure; the library is staff-only; and a
    /// unit often has a single 依申请公开经办. Who confirmed is recorded and audited separately from who created it.
    /// </summary>
    public async Task<ServiceResult> ConfirmAsync(int id, CaseLibraryEdit? edit, CancellationToken ct = default)
    {
        if (edit is not null && (edit.InformationTitle ?? edit.Description ?? edit.ReplyText ?? edit.Notes ?? edit.Tags ?? edit.Topic) is not null)
        {
            var edited = await EditAsync(id, edit, ct);
            if (!edited.Ok) return edited;
        }
        var (error, entry, r) = await LoadDraftAsync(id, ct);
        if (error is not null) return error;
        var now = clock.GetUtcNow();
        entry!.Status = CaseLibraryStatus.Confirmed;
        entry.ConfirmedAt = now;
        entry.ConfirmedBy = FieldLengths.Clip(user.UserName ?? "", FieldLengths.PersonName);
        entry.ConfirmedByUserId = user.UserId;
        entry.UpdatedAt = now;
        r!.InCaseLibrary = true;
        db.RequestEvents.Add(new RequestEvent { RequestId = r.Id, At = now, Kind = RequestEventKind.Note, ActorName = entry.ConfirmedBy, ActorUserId = user.UserId, Note = "案例库条目经核对确认入库" });
        audit.Add("request.library.confirm", EntityType, entry.Id, $"{r.CaseNumber} 案例库条目确认入库（创建人：{entry.CreatedBy}）",
            new Dictionary<string, (object? From, object? To)> { ["状态"] = (CaseLibraryStatus.Draft.Label(), CaseLibraryStatus.Confirmed.Label()) }, unitId: r.UnitId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ServiceResult.Conflict("该申请已被他人修改，请刷新后重试"); }
        return ServiceResult.Success(entry.Id);
    }

    public async Task<ServiceResult> DiscardAsync(int id, CancellationToken ct = default)
    {
        var (error, entry, r) = await LoadDraftAsync(id, ct);
        if (error is not null) return error;
        db.CaseLibraryEntries.Remove(entry!);
        audit.Add("request.library.discard", EntityType, entry!.Id, $"{r!.CaseNumber} 放弃案例库草稿", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(r.Id);
    }

    /// <summary>A draft and its case, if the user may act on the case; drafts of cases out of scope answer like missing ones.</summary>
    private async Task<(ServiceResult? Error, CaseLibraryEntry? Entry, InformationRequest? Request)> LoadDraftAsync(int id, CancellationToken ct)
    {
        var entry = await db.CaseLibraryEntries.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return (ServiceResult.NotFound(), null, null);
        var r = await user.Scope(db.InformationRequests).FirstOrDefaultAsync(x => x.Id == entry.RequestId, ct);
        if (r is null) return (ServiceResult.NotFound(), null, null);
        if (!user.CanAct(r)) return (ServiceResult.Forbidden("只有承办该申请的人员或公开办可以修改、确认案例库草稿"), null, null);
        if (entry.Status != CaseLibraryStatus.Draft) return (ServiceResult.Invalid("该案例已确认入库"), null, null);
        return (null, entry, r);
    }

    private static ServiceResult? Limits(string? notes, string? tags) =>
        notes is { Length: > FieldLengths.CaseNotes } ? ServiceResult.Invalid(new Dictionary<string, string> { ["Notes"] = $"备注不能超过{FieldLengths.CaseNotes}个字符" })
        : tags is { Length: > FieldLengths.CaseTags } ? ServiceResult.Invalid(new Dictionary<string, string> { ["Tags"] = $"标签不能超过{FieldLengths.CaseTags}个字符" })
        : null;

    /// <summary>The entry's texts as the search analysis cuts them (search mode), distinct, space-separated, with a leading and trailing space.</summary>
    public static string SearchWordsOf(CaseLibraryEntry e)
    {
        var text = ChineseNormalizer.Normalize(string.Join("\n", e.InformationTitle, e.DocumentNumber, e.Description, e.ReplyText, e.Notes, e.Tags, e.Topic));
        var words = new List<Word>();
        Segmenter.Default.CutForSearch(text, words);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var sb = new System.Text.StringBuilder(" ");
        foreach (var w in words)
        {
            var s = text.Substring(w.Start, w.Length);
            if (!distinct.Add(s)) continue;
            if (sb.Length + s.Length + 1 > FieldLengths.CaseSearchWords) break;
            sb.Append(s).Append(' ');
        }
        return sb.ToString();
    }

    private static string? InferredTopic(InformationRequest r)
    {
        var topic = RequestTopics.Of(null, r.InformationTitle, r.Description, out _);
        return topic == RequestTopics.Unclassified ? null : topic;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
