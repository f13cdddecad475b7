using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests;

/// <summary>
/// Every step of an application: the domain workflow decides, this service loads within the user's scope, records the
/// case event (the applicant's history) and the audit entry, and saves both with the change.
/// </summary>
public sealed class RequestService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, CalendarService calendars,
    IndexNumberAllocator counters, ContentStore files, IOptions<ZwgkOptions> options)
{
    public const string EntityType = "InformationRequest";
    private RequestOptions Options => options.Value.Requests;
    public DateOnly Today => Formats.Today(clock);

    // ---------- intake ----------

    /// <summary>The public form (网络 channel): the case waits for the office to confirm receipt, which starts the clock (条例第三十一条).</summary>
    public Task<(ServiceResult Result, RegistrationResponse? Response)> SubmitAsync(ApplicationInput input, CancellationToken ct = default) =>
        SubmitAsync(input, [], ct);

    /// <summary>How many files an applicant may attach to an online application (identity proof, a letter of authorisation …).</summary>
    public const int MaxApplicationAttachments = 5;

    /// <summary>
    /// The public form with the applicant's own materials (identity proof scans): stored as files of kind Application and
    /// attached to the new case in the same save. Nothing is stored when the application itself is invalid.
    /// </summary>
    public async Task<(ServiceResult Result, RegistrationResponse? Response)> SubmitAsync(ApplicationInput input, IReadOnlyList<ApplicationAttachment> attachments,
        CancellationToken ct = default)
    {
        var unitId = input.UnitId ?? await DefaultUnitAsync(ct);
        if (unitId is null || !await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive, ct))
            return (ServiceResult.Invalid(new Dictionary<string, string> { ["UnitId"] = "请选择受理申请的机关" }), null);
        if (attachments.Count > MaxApplicationAttachments)
            return (ServiceResult.Invalid(new Dictionary<string, string> { ["Attachments"] = $"附件最多{MaxApplicationAttachments}个" }), null);
        var r = Build(input, unitId.Value, RequestChannel.Online);
        r.State = RequestState.Submitted;
        r.RegisteredBy = "网上申请";
        if (attachments.Count > 0)
        {
            var errors = RequestRules.Validate(r);
            if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
            foreach (var a in attachments)
            {
                StoredFile stored;
                try { stored = await files.SaveAsync(a.Content, a.FileName, ct); }
                catch (FileRejectedException e) { return (ServiceResult.Invalid(new Dictionary<string, string> { ["Attachments"] = $"{Path.GetFileName(a.FileName)}：{e.Message}" }), null); }
                r.Files.Add(new RequestFile
                {
                    Kind = RequestFileKind.Application, FileName = FieldLengths.Clip(Path.GetFileName(a.FileName), FieldLengths.FileName),
                    ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, CreatedAt = clock.GetUtcNow(),
                });
            }
        }
        var note = attachments.Count == 0 ? "申请人通过网站提交申请" : $"申请人通过网站提交申请，附申请材料{attachments.Count}份";
        return await CreateAsync(r, RequestEventKind.Submitted, note, ct);
    }

    /// <summary>The field errors <see cref="RequestRules.Validate"/> finds in an application, without saving anything
    /// (a form with its own errors shows these as well, all at once).</summary>
    public Dictionary<string, string> Validate(ApplicationInput input) => RequestRules.Validate(Build(input, input.UnitId ?? 0, RequestChannel.Online));

    /// <summary>Staff register an application received in person, by post, by fax or through another online channel.</summary>
    public async Task<(ServiceResult Result, RegistrationResponse? Response)> RegisterAsync(RegistrationInput input, CancellationToken ct = default)
    {
        if (!user.CanHandle()) return (ServiceResult.Forbidden(), null);
        var unitId = input.Application.UnitId ?? (user.UnitId == 0 ? null : user.UnitId);
        if (unitId is not int uid || !await db.Units.AnyAsync(u => u.Id == uid && u.IsActive, ct))
            return (ServiceResult.Invalid(new Dictionary<string, string> { ["UnitId"] = "请选择受理申请的机关" }), null);
        if (!user.SpansAllRequests() && uid != user.UnitId) return (ServiceResult.Invalid(new Dictionary<string, string> { ["UnitId"] = "只能登记本单位收到的申请" }), null);
        var (received, note, error) = ReceiptRules.Resolve(new ReceiptFacts(input.Channel, input.HandedInOn, input.SignedForOn, input.LetterConfirmedOn, input.ConfirmedOn), Today);
        if (error is not null) return (ServiceResult.Invalid(new Dictionary<string, string> { ["ReceivedOn"] = error }), null);
        var r = Build(input.Application, uid, input.Channel);
        r.State = RequestState.Registered;
        r.ReceivedOn = received;
        r.ClockStartsOn = received;
        r.ReceiptNote = note;
        r.RegisteredBy = FieldLengths.Clip(user.UserName ?? "", FieldLengths.PersonName);
        return await CreateAsync(r, RequestEventKind.Registered, $"{input.Channel.Label()}申请，{note}，收到日期 {received:yyyy-MM-dd}", ct);
    }

    /// <summary>The integration API: the other platform states the channel and the receipt date it recorded.</summary>
    public async Task<(ServiceResult Result, RegistrationResponse? Response)> RegisterFromApiAsync(ApiRegistration a, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var channel = RequestLabels.ParseChannel(a.Channel);
        if (channel is null) errors["channel"] = "channel 应为 当面、邮寄、网络 或 传真";
        var type = ApplicantTypes.Parse(a.ApplicantType);
        if (type is null) errors["applicantType"] = "applicantType 应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他";
        DateOnly received = default;
        if (!DateOnly.TryParseExact(a.ReceivedOn ?? "", "yyyy-MM-dd", out received)) errors["receivedOn"] = "receivedOn 应为 YYYY-MM-DD 格式的日期";
        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(a.Unit))
        {
            unitId = await db.Units.Where(u => u.Code == a.Unit.Trim() && u.IsActive).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null) errors["unit"] = $"单位代码“{a.Unit}”不存在";
        }
        RequestedMedium medium = RequestedMedium.Electronic;
        if (a.Medium is { } m && !(m == "纸质" ? (medium = RequestedMedium.Paper) == RequestedMedium.Paper : m == "电子")) errors["medium"] = "medium 应为 纸质 或 电子";
        DeliveryMethod delivery = DeliveryMethod.Online;
        if (a.Delivery is { } dm)
        {
            DeliveryMethod? parsed = dm switch { "邮寄" => DeliveryMethod.Post, "自取" or "自行领取" => DeliveryMethod.Pickup, "电子邮件" => DeliveryMethod.Email, "在线" or "网上获取" => DeliveryMethod.Online, _ => null };
            if (parsed is null) errors["delivery"] = "delivery 应为 邮寄、自取、电子邮件 或 在线";
            else delivery = parsed.Value;
        }
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
        // contact: a phone number, an e-mail address, or a postal address, as the other platform holds it.
        string? phone = null, email = a.Email, address = a.Address;
        var contact = a.Contact?.Trim();
        if (!string.IsNullOrEmpty(contact))
        {
            if (contact.Contains('@')) email ??= contact;
            else if (contact.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')')) phone = contact;
            else address ??= contact;
        }
        var facts = channel switch
        {
            RequestChannel.InPerson => new ReceiptFacts(channel.Value, HandedInOn: received),
            RequestChannel.Post => new ReceiptFacts(channel.Value, SignedForOn: received),
            _ => new ReceiptFacts(channel!.Value, ConfirmedOn: received),
        };
        var input = new RegistrationInput
        {
            Channel = channel.Value, HandedInOn = facts.HandedInOn, SignedForOn = facts.SignedForOn, ConfirmedOn = facts.ConfirmedOn,
            Application = new ApplicationInput
            {
                UnitId = unitId, ApplicantType = type!.Value, ApplicantName = a.ApplicantName, Phone = phone, Email = email, Address = address,
                Description = a.Description, InformationTitle = a.InformationTitle, DocumentNumber = a.DocumentNumber, IdType = a.IdType, IdNumber = a.IdNumber,
                Medium = medium, Delivery = delivery,
            },
        };
        return await RegisterAsync(input, ct);
    }

    private InformationRequest Build(ApplicationInput i, int unitId, RequestChannel channel)
    {
        var now = clock.GetUtcNow();
        var r = new InformationRequest
        {
            UnitId = unitId,
            Channel = channel,
            SubmittedAt = now,
            UpdatedAt = now,
            ApplicantType = i.ApplicantType,
            ApplicantName = Trim(i.ApplicantName) ?? "",
            IdType = Trim(i.IdType) ?? (string.IsNullOrWhiteSpace(i.IdNumber) ? null : i.ApplicantType == ApplicantType.NaturalPerson ? RequestRules.ResidentIdCard : RequestRules.CreditCode),
            IdNumber = Trim(i.IdNumber)?.ToUpperInvariant(),
            LegalRepresentative = Trim(i.LegalRepresentative),
            ContactPerson = Trim(i.ContactPerson),
            Phone = Trim(i.Phone),
            Email = Trim(i.Email),
            Address = Trim(i.Address),
            PostalCode = Trim(i.PostalCode),
            InformationTitle = Trim(i.InformationTitle) ?? "",
            DocumentNumber = Trim(i.DocumentNumber),
            Description = Trim(i.Description) ?? "",
            Medium = i.Medium,
            Delivery = i.Delivery,
        };
        if (r.InformationTitle.Length == 0 && r.Description.Length > 0)
            r.InformationTitle = FieldLengths.Clip(r.Description.Split('\n')[0].Trim(), Math.Min(60, FieldLengths.Title));
        r.ApplicantKey = ApplicantKey(r);
        return r;
    }

    /// <summary>
    /// Identifies the same applicant across applications (fees count per applicant per natural month, 办法第四条) without
    /// comparing personal data in queries. A plain hash is enough: the personal data sits in the same row anyway.
    /// </summary>
    public static string ApplicantKey(InformationRequest r)
    {
        var identity = !string.IsNullOrWhiteSpace(r.IdNumber) ? $"id\n{r.IdNumber.Trim().ToUpperInvariant()}"
            : $"name\n{r.ApplicantName.Trim()}\n{new string((r.Phone ?? r.Email ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("zwgk-applicant\n" + identity)));
    }

    private async Task<(ServiceResult, RegistrationResponse?)> CreateAsync(InformationRequest r, RequestEventKind kind, string note, CancellationToken ct)
    {
        var errors = RequestRules.Validate(r);
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
        var year = (r.ReceivedOn ?? Today).Year;
        r.CaseNumber = $"{Options.CaseNumberPrefix}-{year}-{await counters.NextAsync("#" + Options.CaseNumberPrefix, year, ct):D5}";
        var code = QueryCodes.New();
        r.QueryCodeHash = QueryCodes.Hash(code);
        AddEvent(r, kind, note, isPublic: true);
        db.InformationRequests.Add(r);
        await db.SaveChangesAsync(ct);
        // Audited without personal data: the case number identifies it.
        audit.Add("request.create", EntityType, r.Id, $"{(kind == RequestEventKind.Submitted ? "网上提交" : "登记")}依申请公开申请 {r.CaseNumber}", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        var deadline = RequestClock.Compute(r, await calendars.GetAsync(ct), Today, Options.FeeWaitPausesClock);
        return (ServiceResult.Success(r.Id), new RegistrationResponse(r.Id, r.CaseNumber, code, Formats.IsoDate(deadline.Due) is { Length: > 0 } s ? s : null));
    }

    /// <summary>Applications to "the district government" go to the 区人民政府 unit (handled by its 公开办).</summary>
    private Task<int?> DefaultUnitAsync(CancellationToken ct) =>
        db.Units.Where(u => u.IsActive).OrderBy(u => u.Kind == Domain.Units.UnitKind.DistrictGovernment ? 0 : u.Kind == Domain.Units.UnitKind.GovernmentOffice ? 1 : 2)
            .ThenBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

    // ---------- workflow steps ----------

    public Task<ServiceResult> ConfirmReceiptAsync(int id, DateOnly? on, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ReceiptConfirmed, true, (r, _, _) =>
        {
            var day = on ?? Today;
            var error = RequestWorkflow.ConfirmReceipt(r, day, Today);
            if (error is null) r.ReceiptNote = "网络提交，双方确认";
            return (error, $"确认收到申请，收到日期 {day:yyyy-MM-dd}（条例第三十一条）");
        }, ct);

    public async Task<ServiceResult> AcceptAsync(int id, string? handlerUserId, CancellationToken ct = default)
    {
        var handler = await HandlerAsync(id, handlerUserId, ct);
        if (handler.Error is { } e) return e;
        return await StepAsync(id, RequestEventKind.Accepted, true, (r, _, _) =>
            (RequestWorkflow.Accept(r, handler.Id!, handler.Name!), "审核通过，进入办理"), ct);
    }

    public async Task<ServiceResult> AssignAsync(int id, string? handlerUserId, CancellationToken ct = default)
    {
        var handler = await HandlerAsync(id, handlerUserId, ct);
        if (handler.Error is { } e) return e;
        return await StepAsync(id, RequestEventKind.Assigned, false, (r, _, _) =>
            (RequestWorkflow.Assign(r, handler.Id!, handler.Name!), $"分办给{handler.Name}"), ct);
    }

    /// <summary>The handler: the named user (active, of the case's unit, able to handle requests), or the current user.</summary>
    private async Task<(ServiceResult? Error, string? Id, string? Name)> HandlerAsync(int id, string? handlerUserId, CancellationToken ct)
    {
        var unitId = await user.Scope(db.InformationRequests).Where(r => r.Id == id).Select(r => (int?)r.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null) return (ServiceResult.NotFound(), null, null);
        if (!user.CanHandle() || (!user.IsInRole(Roles.OpennessOffice) && unitId != user.UnitId)) return (ServiceResult.Forbidden(), null, null);
        var targetId = string.IsNullOrWhiteSpace(handlerUserId) ? user.UserId : handlerUserId;
        var handler = await db.Users.Where(u => u.Id == targetId && u.IsActive).Select(u => new { u.Id, u.DisplayName, u.UnitId }).FirstOrDefaultAsync(ct);
        if (handler is null) return (ServiceResult.Invalid(new Dictionary<string, string> { ["HandlerUserId"] = "承办人不存在或已停用" }), null, null);
        var handlerRoles = await (from ur in db.UserRoles join role in db.Roles on ur.RoleId equals role.Id where ur.UserId == handler.Id select role.Name).ToListAsync(ct);
        var canHandle = handlerRoles.Contains(Roles.OpennessOffice) || (handler.UnitId == unitId && (handlerRoles.Contains(Roles.RequestOfficer) || handlerRoles.Contains(Roles.UnitAdmin)));
        if (!canHandle) return (ServiceResult.Invalid(new Dictionary<string, string> { ["HandlerUserId"] = "承办人须为该单位的依申请公开经办人员或单位管理员" }), null, null);
        return (null, handler.Id, handler.DisplayName);
    }

    public async Task<ServiceResult> TransferAsync(int id, int toUnitId, string? note, CancellationToken ct = default)
    {
        var unit = await db.Units.Where(u => u.Id == toUnitId && u.IsActive).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unit is null) return ServiceResult.Invalid(new Dictionary<string, string> { ["UnitId"] = "转办单位不存在" });
        return await StepAsync(id, RequestEventKind.Transferred, true, (r, _, _) =>
            (RequestWorkflow.Transfer(r, toUnitId), $"转{unit}办理" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim())), ct);
    }

    public Task<ServiceResult> RequestCorrectionAsync(int id, CorrectionRequest c, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.CorrectionRequested, true, (r, cal, _) =>
        {
            var on = c.On ?? Today;
            var due = c.DueOn ?? cal.AddWorkingDays(on, Options.CorrectionWorkingDays);
            if (c.Content is { Length: > FieldLengths.CorrectionContent }) return ($"补正事项不能超过{FieldLengths.CorrectionContent}个字符", "");
            return (RequestWorkflow.RequestCorrection(r, cal, on, c.Content, due, Today), $"告知补正，补正期限至 {due:yyyy-MM-dd}");
        }, ct);

    public Task<ServiceResult> ReceiveCorrectionAsync(int id, CorrectionReceipt c, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.CorrectionReceived, true, (r, _, _) =>
        {
            var on = c.On ?? Today;
            return (RequestWorkflow.ReceiveCorrection(r, on, Today, c.LateReason),
                $"收到补正后的申请，答复期限自 {on:yyyy-MM-dd} 起重新计算（条例第三十条）" + (string.IsNullOrWhiteSpace(c.LateReason) ? "" : "；逾期补正的正当理由：" + FieldLengths.Clip(c.LateReason.Trim(), FieldLengths.Reason)));
        }, ct);

    public Task<ServiceResult> StartConsultationAsync(int id, ConsultationRequest c, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ConsultationSent, true, (r, cal, _) =>
        {
            if (c.Party is { Length: > FieldLengths.ConsultationParty }) return ($"征求意见对象不能超过{FieldLengths.ConsultationParty}个字符", "");
            if (c.Matter is { Length: > FieldLengths.ConsultationText }) return ($"征求意见事项不能超过{FieldLengths.ConsultationText}个字符", "");
            var consultation = new RequestConsultation { Kind = c.Kind, Party = c.Party?.Trim() ?? "", Matter = Trim(c.Matter), SentOn = c.SentOn ?? Today };
            var error = RequestWorkflow.StartConsultation(r, cal, consultation, Today);
            // The third party's name is not personal data of the applicant, but keep it out of the public history.
            return (error, $"{c.Kind.Label()}，答复期限至 {consultation.DueOn:yyyy-MM-dd}，期间不计入答复期限");
        }, ct);

    public Task<ServiceResult> AnswerConsultationAsync(int id, int consultationId, ConsultationReply a, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ConsultationAnswered, true, (r, _, _) =>
        {
            var c = r.Consultations.FirstOrDefault(x => x.Id == consultationId);
            if (c is null) return ("征求意见记录不存在", "");
            if (a.Text is { Length: > FieldLengths.ConsultationText }) return ($"意见内容不能超过{FieldLengths.ConsultationText}个字符", "");
            return (RequestWorkflow.AnswerConsultation(c, a.Answer, a.On ?? Today, a.Text, Today), $"{c.Kind.Label()}：{a.Answer.Label()}");
        }, ct);

    public Task<ServiceResult> ExtendAsync(int id, ExtensionRequest e, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ExtensionApproved, true, (r, cal, deadline) =>
        {
            if (!user.CanApprove(r)) return ("延期须经政府信息公开工作机构负责人（公开办或单位管理员）批准", "");
            if (e.Reason is { Length: > FieldLengths.Reason }) return ($"延期理由不能超过{FieldLengths.Reason}个字符", "");
            var error = RequestWorkflow.Extend(r, e.Days, e.Reason, user.UserId ?? "", user.UserName ?? "", Today, deadline);
            return (error, $"经批准延长答复期限 {e.Days} 个工作日（条例第三十三条）");
        }, ct, requireApprover: true);

    public Task<ServiceResult> RequestReasonsAsync(int id, DateRequest d, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ReasonsRequested, true, (r, _, _) =>
            (RequestWorkflow.RequestReasons(r, d.On ?? Today, Today), "申请数量、频次明显超过合理范围，要求申请人说明理由（条例第三十五条）"), ct);

    public Task<ServiceResult> AssessReasonsAsync(int id, ReasonAssessment a, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ReasonsAssessed, true, (r, _, deadline) =>
            (RequestWorkflow.AssessReasons(r, a.Finding, a.LongerDueOn, deadline),
             a.Finding.Label() + (a.LongerDueOn is { } d ? $"，答复期限至 {d:yyyy-MM-dd}" : "")), ct);

    /// <summary>
    /// 收费通知: the amount is computed, never typed (办法第三条 to 第五条). 按件 counts the applicant's pieces in the natural
    /// month of receipt: every earlier application of the same applicant that month counts as one piece, or as the pieces
    /// its own 按件 notice counted.
    /// </summary>
    public async Task<ServiceResult> IssueFeeAsync(int id, FeeRequest f, CancellationToken ct = default)
    {
        if (f.Quantity is < 1 or > 100_000) return ServiceResult.Invalid(new Dictionary<string, string> { ["Quantity"] = "件数或页数应为1至100000" });
        if (!Enum.IsDefined(f.Method)) return ServiceResult.Invalid(new Dictionary<string, string> { ["Method"] = "请选择计收方式" });
        var earlier = 0;
        if (f.Method == FeeMethod.PerPiece)
        {
            var target = await user.Scope(db.InformationRequests).Where(r => r.Id == id).Select(r => new { r.ApplicantKey, r.ReceivedOn }).FirstOrDefaultAsync(ct);
            if (target is null) return ServiceResult.NotFound();
            if (target.ReceivedOn is { } rec)
            {
                var first = new DateOnly(rec.Year, rec.Month, 1);
                var last = first.AddMonths(1).AddDays(-1);
                // Across all units: the 办法 counts per applicant, not per office (the whole district is one 行政机关 here only
                // when it is one; the count is the conservative, applicant-friendly reading inside one platform).
                var others = await db.InformationRequests.Where(r => r.ApplicantKey == target.ApplicantKey && r.Id != id
                        && r.ReceivedOn >= first && r.ReceivedOn <= last && (r.ReceivedOn < rec || (r.ReceivedOn == rec && r.Id < id)))
                    .Select(r => r.Fees.Where(x => x.Method == FeeMethod.PerPiece).Select(x => (int?)x.Quantity).FirstOrDefault() ?? 1)
                    .ToListAsync(ct);
                earlier = others.Sum();
            }
        }
        var quote = f.Method == FeeMethod.PerPiece ? ProcessingFees.PerPiece(earlier, f.Quantity) : ProcessingFees.PerVolume(f.Quantity);
        return await StepAsync(id, RequestEventKind.FeeNoticeIssued, true, (r, cal, deadline) =>
        {
            var issued = f.IssuedOn ?? Today;
            var fee = new RequestFee
            {
                Method = f.Method, Quantity = f.Quantity, EarlierPiecesThisMonth = earlier, Amount = quote.Amount,
                IssuedOn = issued, NoticeReceivedOn = f.NoticeReceivedOn ?? issued,
            };
            var error = RequestWorkflow.IssueFee(r, cal, fee, Today, deadline);
            return (error, $"发出收费通知（{f.Method.Label()}，{f.Quantity}{quote.Unit}，{quote.Amount:0.##}元），缴费期限至 {fee.PayBy:yyyy-MM-dd}");
        }, ct);
    }

    public Task<ServiceResult> RecordPaymentAsync(int id, int feeId, DateOnly? on, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.FeePaid, true, (r, _, _) =>
        {
            var fee = r.Fees.FirstOrDefault(x => x.Id == feeId);
            if (fee is null) return ("收费记录不存在", "");
            var day = on ?? Today;
            return (RequestWorkflow.RecordPayment(fee, day, Today), $"申请人已缴纳信息处理费 {fee.Payable:0.##} 元（{day:yyyy-MM-dd}）");
        }, ct);

    /// <summary>A local 减免 decision needs the head's approval, like an extension.</summary>
    public Task<ServiceResult> ReduceFeeAsync(int id, int feeId, FeeReduction d, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.FeeReduced, true, (r, _, _) =>
        {
            if (!user.CanApprove(r)) return ("减免信息处理费须经公开办或单位管理员决定", "");
            var fee = r.Fees.FirstOrDefault(x => x.Id == feeId);
            if (fee is null) return ("收费记录不存在", "");
            if (d.Reason is { Length: > FieldLengths.Reason }) return ($"减免理由不能超过{FieldLengths.Reason}个字符", "");
            return (RequestWorkflow.ReduceFee(fee, d.To, d.Reason), $"信息处理费减免为 {d.To:0.##} 元：{d.Reason?.Trim()}");
        }, ct, requireApprover: true);

    public Task<ServiceResult> DraftReplyAsync(int id, ReplyDraft d, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ReplyDrafted, false, (r, _, _) =>
        {
            if (d.Text is { Length: > FieldLengths.ReplyText }) return ($"答复内容不能超过{FieldLengths.ReplyText}个字符", "");
            if (d.ReferredAgency is { Length: > FieldLengths.ExternalIssuer }) return ($"负责公开的机关名称不能超过{FieldLengths.ExternalIssuer}个字符", "");
            if (!Enum.IsDefined(d.Outcome)) return ("请选择办理结果", "");
            var error = RequestWorkflow.DraftReply(r, d.Outcome, d.Text, user.UserId ?? "", user.UserName ?? "", Today);
            if (error is null) r.ReferredAgency = Trim(d.ReferredAgency);
            return (error, $"拟定答复：{d.Outcome.Info().Label}");
        }, ct);

    public Task<ServiceResult> ApproveReplyAsync(int id, ReplyApproval a, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ReplyApproved, true, (r, _, _) =>
        {
            if (!user.CanApprove(r)) return ("答复须经公开办或单位管理员审批", "");
            var on = a.RepliedOn ?? Today;
            return (RequestWorkflow.ApproveReply(r, user.UserId ?? "", user.UserName ?? "", on, Today), $"答复（{r.Outcome?.Info().Group.ShortLabel()}），答复日期 {on:yyyy-MM-dd}");
        }, ct, requireApprover: true);

    public Task<ServiceResult> ReturnReplyAsync(int id, string? reason, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ReplyReturned, false, (r, _, _) =>
        {
            if (!user.CanApprove(r)) return ("答复须经公开办或单位管理员审批", "");
            return (RequestWorkflow.ReturnReply(r, reason), "答复退回修改：" + FieldLengths.Clip(reason?.Trim() ?? "", FieldLengths.Reason));
        }, ct, requireApprover: true);

    public Task<ServiceResult> ArchiveAsync(int id, string? archiveNumber, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.Archived, true, (r, _, _) =>
        {
            if (archiveNumber is { Length: > FieldLengths.ArchiveNumber }) return ($"归档号不能超过{FieldLengths.ArchiveNumber}个字符", "");
            return (RequestWorkflow.Archive(r, archiveNumber, clock.GetUtcNow()), "归档");
        }, ct);

    public Task<ServiceResult> RecordChallengeAsync(int id, ChallengeRequest c, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.ChallengeRecorded, false, (r, _, _) =>
        {
            if (c.Body is { Length: > FieldLengths.ChallengeBody } || c.Note is { Length: > FieldLengths.Reason }) return ("复议机关或备注过长", "");
            var challenge = new RequestChallenge { Kind = c.Kind, Result = c.Result, FiledOn = c.FiledOn ?? Today, DecidedOn = c.DecidedOn, Body = Trim(c.Body), Note = Trim(c.Note) };
            return (RequestWorkflow.RecordChallenge(r, challenge, Today), $"{c.Kind.Label()}：{c.Result.Label()}");
        }, ct);

    /// <summary>Sets the topic used by the analysis report (主题分类 of the library).</summary>
    public Task<ServiceResult> SetTopicAsync(int id, string? topic, CancellationToken ct = default) =>
        StepAsync(id, RequestEventKind.Note, false, (r, _, _) =>
        {
            if (topic is { Length: > FieldLengths.TopicCategory }) return ($"主题不能超过{FieldLengths.TopicCategory}个字符", "");
            r.Topic = Trim(topic);
            return (null, "设置主题：" + (r.Topic ?? "（无）"));
        }, ct, allowClosed: true);

    public async Task<ServiceResult> AddFileAsync(int id, RequestFileKind kind, Stream content, string fileName, CancellationToken ct = default)
    {
        var r = await LoadAsync(id, ct);
        if (r is null) return ServiceResult.NotFound();
        if (!user.CanAct(r)) return ServiceResult.Forbidden();
        if (r.State == RequestState.Archived) return ServiceResult.Invalid("已归档的申请不能再添加材料");
        StoredFile stored;
        try { stored = await files.SaveAsync(content, fileName, ct); }
        catch (FileRejectedException e) { return ServiceResult.Invalid(e.Message); }
        var name = FieldLengths.Clip(Path.GetFileName(fileName), FieldLengths.FileName);
        var file = new RequestFile { Kind = kind, FileName = name, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, CreatedAt = clock.GetUtcNow() };
        r.Files.Add(file);
        AddEvent(r, RequestEventKind.FileAdded, $"添加材料：{name}", isPublic: kind == RequestFileKind.Released);
        audit.Add("request.file", EntityType, r.Id, $"{r.CaseNumber} 添加材料 {name}", unitId: r.UnitId);
        r.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // The new file's id: callers (the API) link or download it next.
        return ServiceResult.Success(file.Id);
    }

    /// <summary>
    /// A case file for download. Application materials (identity scans …) are the applicant's personal data: only those who
    /// may see it get them, and each download is audited like a reveal. Other files go to anyone who can see the case.
    /// </summary>
    public async Task<(ServiceResult Result, RequestFile? File)> OpenFileAsync(int id, int fileId, CancellationToken ct = default)
    {
        var r = await user.Scope(db.InformationRequests).Include(x => x.Files).FirstOrDefaultAsync(x => x.Id == id, ct);
        var f = r?.Files.FirstOrDefault(x => x.Id == fileId);
        if (r is null || f is null) return (ServiceResult.NotFound(), null);
        if (f.Kind != RequestFileKind.Application) return (ServiceResult.Success(r.Id), f);
        if (!user.CanSeePersonalData(r)) return (ServiceResult.Forbidden("申请材料含申请人个人信息，仅承办人员可以查看"), null);
        AddEvent(r, RequestEventKind.ApplicantDataViewed, "查看申请材料：" + f.FileName, isPublic: false);
        audit.Add("request.applicant.file", EntityType, r.Id, $"查看申请材料（{r.CaseNumber}）：{FieldLengths.Clip(f.FileName, 100)}", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        return (ServiceResult.Success(r.Id), f);
    }

    /// <summary>Full applicant data for those who may see it; each view is audited and written to the case history.</summary>
    public async Task<(ServiceResult Result, ApplicantView? Applicant)> RevealApplicantAsync(int id, string purpose, CancellationToken ct = default)
    {
        var r = await user.Scope(db.InformationRequests).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return (ServiceResult.NotFound(), null);
        if (!user.CanSeePersonalData(r)) return (ServiceResult.Forbidden("只有承办人员可以查看申请人的完整信息"), null);
        AddEvent(r, RequestEventKind.ApplicantDataViewed, purpose, isPublic: false);
        audit.Add("request.applicant.view", EntityType, r.Id, $"查看申请人信息（{r.CaseNumber}）：{purpose}", unitId: r.UnitId);
        await db.SaveChangesAsync(ct);
        return (ServiceResult.Success(r.Id), ApplicantView.Full(r));
    }

    // ---------- plumbing ----------

    private Task<InformationRequest?> LoadAsync(int id, CancellationToken ct) =>
        user.Scope(db.InformationRequests)
            .Include(r => r.Consultations).Include(r => r.Fees).Include(r => r.Files)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>
    /// Loads the case in scope, lets <paramref name="apply"/> run the domain step (with the calendar and the current
    /// deadline), then records the event and the audit entry in the same save.
    /// </summary>
    private async Task<ServiceResult> StepAsync(int id, RequestEventKind kind, bool isPublic,
        Func<InformationRequest, WorkingCalendar, RequestDeadline, (string? Error, string Note)> apply, CancellationToken ct,
        bool requireApprover = false, bool allowClosed = false)
    {
        var r = await LoadAsync(id, ct);
        if (r is null) return ServiceResult.NotFound();
        if (!user.CanAct(r) && !(requireApprover && user.CanApprove(r))) return ServiceResult.Forbidden();
        if (r.State == RequestState.Archived && !allowClosed && kind != RequestEventKind.ChallengeRecorded) return ServiceResult.Invalid("已归档的申请不能再办理");
        var calendar = await calendars.GetAsync(ct);
        var before = r.State;
        var deadline = RequestClock.Compute(r, calendar, Today, Options.FeeWaitPausesClock);
        var (error, note) = apply(r, calendar, deadline);
        if (error is not null) return ServiceResult.Invalid(error);
        r.UpdatedAt = clock.GetUtcNow();
        AddEvent(r, kind, note, isPublic);
        var changes = before == r.State ? null : new Dictionary<string, (object? From, object? To)> { ["状态"] = (before.Label(), r.State.Label()) };
        audit.Add("request." + kind.ToString().ToLowerInvariant(), EntityType, r.Id, $"{r.CaseNumber} {kind.Label()}：{note}", changes, unitId: r.UnitId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ServiceResult.Conflict("该申请已被他人修改，请刷新后重试"); }
        return ServiceResult.Success(r.Id);
    }

    private void AddEvent(InformationRequest r, RequestEventKind kind, string note, bool isPublic)
    {
        var e = new RequestEvent
        {
            At = clock.GetUtcNow(), Kind = kind, ActorName = FieldLengths.Clip(user.UserName ?? (kind == RequestEventKind.Submitted ? "申请人" : "系统"), FieldLengths.PersonName),
            ActorUserId = user.UserId, Note = FieldLengths.Clip(note, FieldLengths.ReviewComment), Public = isPublic,
        };
        if (r.Id == 0) r.Events.Add(e);
        else { e.RequestId = r.Id; db.RequestEvents.Add(e); }
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The 查询码: shown once to the applicant, stored only as a hash. 12 characters without look-alikes (about 59 bits).</summary>
public static class QueryCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        Span<char> c = stackalloc char[12];
        for (var i = 0; i < c.Length; i++) c[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{c[..4]}-{c[4..8]}-{c[8..]}";
    }

    /// <summary>Accepts the code typed with or without dashes and spaces, in either case; null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 40) return null;
        var s = new string(typed.Where(ch => !char.IsWhiteSpace(ch) && ch != '-').Select(char.ToUpperInvariant).ToArray());
        return s.Length == 12 && s.All(Alphabet.Contains) ? s : null;
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("zwgk-request\n" + (Normalize(code) ?? code))));
}
