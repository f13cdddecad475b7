using Zwgk.Domain.Calendar;

namespace Zwgk.Domain.Requests;

/// <summary>
/// The 依申请公开 state machine (登记 → 审核 → 补正 → 办理 → 答复 → 归档). Pure: callers check permissions, persist, write the
/// case event and the audit entry. Each method returns an error message in Chinese, or null when the step was applied.
/// </summary>
public static class RequestWorkflow
{
    private static bool IsOpenForWork(InformationRequest r) => r.State is RequestState.Registered or RequestState.Processing;

    /// <summary>条例第三十一条第（三）项: an online or fax application is received on the day both sides confirm it.</summary>
    public static string? ConfirmReceipt(InformationRequest r, DateOnly on, DateOnly today)
    {
        if (r.State != RequestState.Submitted) return $"当前状态（{r.State.Label()}）不需要确认收到";
        if (on > today) return "收到日期不能晚于今天";
        if (on < DateOnly.FromDateTime(r.SubmittedAt.UtcDateTime).AddDays(-1)) return "收到日期不能早于提交日期";
        r.ReceivedOn = on;
        r.ClockStartsOn = on;
        r.State = RequestState.Registered;
        return null;
    }

    /// <summary>审核通过: the application is complete; it goes to a handler of the unit.</summary>
    public static string? Accept(InformationRequest r, string handlerUserId, string handlerName)
    {
        if (r.State != RequestState.Registered) return $"当前状态（{r.State.Label()}）不能审核受理";
        r.HandlerUserId = handlerUserId;
        r.HandlerName = handlerName;
        r.State = RequestState.Processing;
        return null;
    }

    public static string? Assign(InformationRequest r, string handlerUserId, string handlerName)
    {
        if (!IsOpenForWork(r) && r.State != RequestState.AwaitingCorrection) return $"当前状态（{r.State.Label()}）不能分办";
        r.HandlerUserId = handlerUserId;
        r.HandlerName = handlerName;
        return null;
    }

    /// <summary>转办 to another unit of the district: it starts again at 审核 there, on the same clock.</summary>
    public static string? Transfer(InformationRequest r, int toUnitId)
    {
        if (r.IsClosed || r.State == RequestState.ReplyPendingApproval) return $"当前状态（{r.State.Label()}）不能转办";
        if (r.UnitId == toUnitId) return "已在该单位办理";
        r.UnitId = toUnitId;
        r.HandlerUserId = null;
        r.HandlerName = null;
        if (r.State == RequestState.Processing) r.State = RequestState.Registered;
        return null;
    }

    /// <summary>
    /// 条例第三十条: one notice to correct, within 7 working days of receipt, stating what to correct and a reasonable time
    /// limit. The case waits; the reply period runs again in full from receipt of the corrected application.
    /// </summary>
    public static string? RequestCorrection(InformationRequest r, WorkingCalendar calendar, DateOnly on, string? content, DateOnly dueOn, DateOnly today)
    {
        if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能告知补正";
        if (r.CorrectionRequestedOn is not null) return "补正只能告知一次（条例第三十条）";
        if (string.IsNullOrWhiteSpace(content)) return "请写明需要补正的事项";
        if (on > today) return "告知日期不能晚于今天";
        if (r.ReceivedOn is not { } received || on < received) return "告知日期不能早于收到申请之日";
        var last = RequestClock.CorrectionNoticeDeadline(calendar, received);
        if (on > last) return $"补正告知须在收到申请之日起7个工作日内发出（最迟 {last:yyyy-MM-dd}，条例第三十条）";
        if (dueOn <= on) return "补正期限须晚于告知日期";
        r.CorrectionRequestedOn = on;
        r.CorrectionContent = content.Trim();
        r.CorrectionDueOn = dueOn;
        r.StateBeforeCorrection = r.State;
        r.State = RequestState.AwaitingCorrection;
        return null;
    }

    /// <summary>The corrected application arrived: the clock restarts from that day (条例第三十条). Late only with a good reason.</summary>
    public static string? ReceiveCorrection(InformationRequest r, DateOnly on, DateOnly today, string? lateReason)
    {
        if (r.State != RequestState.AwaitingCorrection) return $"当前状态（{r.State.Label()}）不在等待补正";
        if (on > today) return "收到补正的日期不能晚于今天";
        if (on < r.CorrectionRequestedOn) return "收到补正的日期不能早于告知补正的日期";
        if (on > r.CorrectionDueOn && string.IsNullOrWhiteSpace(lateReason))
            return "已超过补正期限：无正当理由逾期不补正的，视为放弃申请（条例第三十条）；如有正当理由，请写明";
        r.CorrectionReceivedOn = on;
        r.ClockStartsOn = on;
        r.State = r.StateBeforeCorrection ?? RequestState.Registered;
        r.StateBeforeCorrection = null;
        return null;
    }

    /// <summary>条例第三十二条、第三十四条: ask a third party or another agency; they have 15 working days; the time is not counted.</summary>
    public static string? StartConsultation(InformationRequest r, WorkingCalendar calendar, RequestConsultation c, DateOnly today)
    {
        if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能征求意见";
        if (string.IsNullOrWhiteSpace(c.Party)) return "请填写征求意见的对象";
        if (c.SentOn > today) return "发出日期不能晚于今天";
        if (r.ClockStartsOn is not { } start || c.SentOn < start) return "发出日期不能早于收到申请之日";
        if (r.Consultations.Any(x => x.AnsweredOn is null && x.Party == c.Party)) return "已向该对象征求意见，尚未答复";
        c.DueOn = calendar.AddWorkingDays(c.SentOn, StatutoryPeriods.Consultation);
        r.Consultations.Add(c);
        return null;
    }

    public static string? AnswerConsultation(RequestConsultation c, ConsultationAnswer answer, DateOnly on, string? text, DateOnly today)
    {
        if (c.AnsweredOn is not null) return "该征求意见已有答复";
        if (on > today) return "答复日期不能晚于今天";
        if (on < c.SentOn) return "答复日期不能早于发出日期";
        if (answer == ConsultationAnswer.NoAnswer)
        {
            if (today <= c.DueOn) return $"答复期限（{c.DueOn:yyyy-MM-dd}）尚未届满";
            on = c.DueOn; // silence ends the consultation on its last day
        }
        if (answer == ConsultationAnswer.Object && string.IsNullOrWhiteSpace(text)) return "不同意公开的，请记录其理由";
        c.AnsweredOn = on;
        c.Answer = answer;
        c.AnswerText = text?.Trim();
        return null;
    }

    /// <summary>条例第三十三条第二款: extension approved by the office's head (not the handler), at most 20 working days, before the due date.</summary>
    public static string? Extend(InformationRequest r, int days, string? reason, string approverUserId, string approverName, DateOnly today, RequestDeadline deadline)
    {
        if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能延期";
        if (r.ExtensionApprovedOn is not null) return "本申请已延期，延长的期限最长不得超过20个工作日（条例第三十三条）";
        if (days is < 1 or > StatutoryPeriods.MaxExtension) return "延期天数应为1至20个工作日（条例第三十三条）";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写延期理由";
        if (approverUserId == r.HandlerUserId) return "延期须经政府信息公开工作机构负责人同意，承办人不能批准自己的案件";
        if (deadline.Due is { } due && today > due) return $"答复期限已于 {due:yyyy-MM-dd} 届满，不能再延期";
        r.ExtensionDays = days;
        r.ExtensionApprovedOn = today;
        r.ExtensionApprovedBy = approverName;
        r.ExtensionReason = reason.Trim();
        return null;
    }

    /// <summary>条例第三十五条: quantity or frequency clearly beyond a reasonable range — the applicant may be asked for reasons.</summary>
    public static string? RequestReasons(InformationRequest r, DateOnly on, DateOnly today)
    {
        if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能要求说明理由";
        if (r.ReasonsRequestedOn is not null) return "已要求申请人说明理由";
        if (on > today) return "日期不能晚于今天";
        r.ReasonsRequestedOn = on;
        return null;
    }

    public static string? AssessReasons(InformationRequest r, ReasonFinding finding, DateOnly? longerDueOn, RequestDeadline deadline)
    {
        if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能审查理由";
        if (r.ReasonsRequestedOn is null) return "尚未要求申请人说明理由";
        if (finding == Requests.ReasonFinding.ReasonableLongerPeriod)
        {
            if (longerDueOn is not { } d) return "请确定延迟答复的合理期限";
            if (deadline.Due is { } due && d <= due) return $"延迟答复的期限应晚于原答复期限（{due:yyyy-MM-dd}）";
            r.LongerPeriodDueOn = d;
        }
        r.ReasonFinding = finding;
        return null;
    }

    /// <summary>
    /// 收费通知 (《政府信息公开信息处理费管理办法》): issued within the reply period, one method per application; payment due
    /// 20 working days from the day after the applicant receives it.
    /// </summary>
    public static string? IssueFee(InformationRequest r, WorkingCalendar calendar, RequestFee fee, DateOnly today, RequestDeadline deadline)
    {
        if (r.State != RequestState.Processing) return $"当前状态（{r.State.Label()}）不能发出收费通知";
        if (r.Fees.Any(f => f.LapsedOn is null)) return "本申请已发出收费通知；每件申请只能选择一种计收方式（办法第三条）";
        if (fee.Amount <= 0) return "按所选标准计算不需收费，无须发出收费通知";
        if (fee.IssuedOn > today) return "通知日期不能晚于今天";
        if (deadline.Due is { } due && fee.IssuedOn > due) return $"收费通知应在答复期限内发出（期限 {due:yyyy-MM-dd}）";
        if (fee.NoticeReceivedOn < fee.IssuedOn) return "申请人收到通知的日期不能早于发出日期";
        fee.PayBy = calendar.AddWorkingDays(fee.NoticeReceivedOn, StatutoryPeriods.FeePayment);
        r.Fees.Add(fee);
        return null;
    }

    public static string? RecordPayment(RequestFee fee, DateOnly on, DateOnly today)
    {
        if (fee.PaidOn is not null) return "已登记缴费";
        if (fee.LapsedOn is not null) return "逾期未缴费，申请已视为放弃";
        if (on > today) return "缴费日期不能晚于今天";
        if (on < fee.IssuedOn) return "缴费日期不能早于通知日期";
        if (on > fee.PayBy) return $"缴费期限已于 {fee.PayBy:yyyy-MM-dd} 届满";
        fee.PaidOn = on;
        return null;
    }

    /// <summary>A local 减免 decision: recorded with its reason, never assumed (the 办法 has no national waiver).</summary>
    public static string? ReduceFee(RequestFee fee, decimal to, string? reason)
    {
        if (fee.PaidOn is not null || fee.LapsedOn is not null) return "该收费通知已结清，不能再减免";
        if (to < 0 || to >= fee.Amount) return "减免后金额应不少于0且低于原金额";
        if (string.IsNullOrWhiteSpace(reason)) return "减免须写明理由和依据";
        fee.ReducedTo = to;
        fee.ReductionReason = reason.Trim();
        return null;
    }

    /// <summary>
    /// The handler drafts the reply with its outcome; it takes effect when another person approves it. Outcomes that close a
    /// case for the applicant's inaction need that inaction to be on record.
    /// </summary>
    public static string? DraftReply(InformationRequest r, Outcome outcome, string? text, string drafterUserId, string drafterName, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return "请填写答复内容";
        if (r.Consultations.Any(c => c.AnsweredOn is null && today <= c.DueOn)) return "尚有征求意见未答复且未到期，不能答复";
        switch (outcome)
        {
            case Requests.Outcome.OtherNoCorrection:
                // 条例第三十条: no correction within the time limit without good reason = 视为放弃申请.
                if (r.State != RequestState.AwaitingCorrection || r.CorrectionDueOn is not { } cd || today <= cd)
                    return "只有补正期限届满仍未补正的申请，才能按“逾期不补正”处理";
                break;
            case Requests.Outcome.OtherFeeUnpaid:
                if (!r.Fees.Any(f => f.LapsedOn is not null || (f.IsOpen && today > f.PayBy)))
                    return "只有缴费期限届满仍未缴费的申请，才能按“逾期未缴费”处理";
                if (r.State != RequestState.Processing) return $"当前状态（{r.State.Label()}）不能答复";
                break;
            case Requests.Outcome.UnavailableStillUnclear:
                if (r.CorrectionReceivedOn is null) return "“补正后申请内容仍不明确”须先经过补正";
                if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能答复";
                break;
            case Requests.Outcome.NotProcessedExcessive:
                // 条例第三十五条: only after the applicant was asked for reasons and they were found unreasonable.
                if (r.ReasonFinding != Requests.ReasonFinding.Unreasonable) return "须先要求申请人说明理由并认定理由不合理（条例第三十五条）";
                if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能答复";
                break;
            default:
                if (!IsOpenForWork(r)) return $"当前状态（{r.State.Label()}）不能答复";
                if (r.Fees.Any(f => f.IsOpen && today <= f.PayBy)) return "信息处理费尚未缴纳，缴纳后再答复";
                break;
        }
        r.Outcome = outcome;
        r.ReplyText = text.Trim();
        r.ReplyDraftedBy = drafterName;
        r.ReplyDraftedByUserId = drafterUserId;
        r.StateBeforeReply = r.State;
        r.State = RequestState.ReplyPendingApproval;
        return null;
    }

    /// <summary>Separation of duties: the drafter does not approve their own reply.</summary>
    public static string? ApproveReply(InformationRequest r, string approverUserId, string approverName, DateOnly repliedOn, DateOnly today)
    {
        if (r.State != RequestState.ReplyPendingApproval) return $"当前状态（{r.State.Label()}）没有待审批的答复";
        if (approverUserId == r.ReplyDraftedByUserId) return "您拟定了该答复，须由其他人员审批";
        if (repliedOn > today) return "答复日期不能晚于今天";
        if (r.ClockStartsOn is { } start && repliedOn < start) return "答复日期不能早于收到申请之日";
        r.ReplyApprovedBy = approverName;
        r.RepliedOn = repliedOn;
        r.State = RequestState.Replied;
        r.StateBeforeCorrection = null;
        r.StateBeforeReply = null;
        if (r.Outcome == Requests.Outcome.OtherFeeUnpaid)
            foreach (var f in r.Fees.Where(f => f.IsOpen)) f.LapsedOn = repliedOn;
        return null;
    }

    public static string? ReturnReply(InformationRequest r, string? reason)
    {
        if (r.State != RequestState.ReplyPendingApproval) return $"当前状态（{r.State.Label()}）没有待审批的答复";
        if (string.IsNullOrWhiteSpace(reason)) return "退回时须填写意见";
        r.State = r.StateBeforeReply ?? RequestState.Processing;
        r.StateBeforeReply = null;
        return null;
    }

    public static string? Archive(InformationRequest r, string? archiveNumber, DateTimeOffset now)
    {
        if (r.State != RequestState.Replied) return $"当前状态（{r.State.Label()}）不能归档，请先答复";
        r.ArchiveNumber = string.IsNullOrWhiteSpace(archiveNumber) ? r.CaseNumber : archiveNumber.Trim();
        r.ArchivedAt = now;
        r.State = RequestState.Archived;
        return null;
    }

    public static string? RecordChallenge(InformationRequest r, RequestChallenge c, DateOnly today)
    {
        if (!r.IsClosed) return "只有已答复的申请才能登记行政复议或行政诉讼";
        if (c.FiledOn > today || (r.RepliedOn is { } replied && c.FiledOn < replied)) return "提起日期应在答复之后、今天之前";
        if (c.Result != ChallengeResult.Pending && c.DecidedOn is null) return "请填写审结日期";
        if (c.DecidedOn is { } d && (d < c.FiledOn || d > today)) return "审结日期应在提起日期之后、今天之前";
        r.Challenges.Add(c);
        return null;
    }
}
