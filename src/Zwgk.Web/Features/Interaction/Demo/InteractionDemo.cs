using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Demo;

/// <summary>
/// A few interaction items for the demo site (first start with demo content), dated around the day it starts so the
/// portal's 互动交流 pages show every state: answered and pending messages, an open consultation and one with its
/// 采纳情况反馈, this year's decision catalog, an interview with its record and one to come, an open day taking bookings.
/// Writers are invented and masked like any writer; the 查询码 are random and never shown.
/// </summary>
public static class InteractionDemo
{
    private const string By = "演示数据";

    public static async Task LoadAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ZwgkDbContext>();
        if (await db.Messages.AnyAsync(ct) || await db.Consultations.AnyAsync(ct)) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var calendar = await sp.GetRequiredService<CalendarService>().GetAsync(ct);
        var limits = sp.GetRequiredService<IOptions<MessageTimeLimitOptions>>().Value.ToLimits();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        int Unit(string code) => units.TryGetValue(code, out var id) ? id : units.Values.Min();
        var now = clock.GetUtcNow();
        var today = Formats.Today(clock);
        // Stored in UTC (PostgreSQL timestamptz takes no other offset); pages show China time.
        DateTimeOffset At(DateOnly d, int hour) => new DateTimeOffset(d.ToDateTime(new TimeOnly(hour, 0)), Formats.ChinaOffset).ToUniversalTime();
        DateOnly WorkdaysAgo(int n) { var d = today; for (var i = 0; i < n; d = d.AddDays(-1)) if (calendar.IsWorkingDay(d.AddDays(-1))) i++; return d; }

        Message Letter(MessageType type, string unitCode, string title, string content, string writer, int receivedWorkdaysAgo, string? reply, int replyAfter,
            Satisfaction? rating = null)
        {
            var received = WorkdaysAgo(receivedWorkdaysAgo);
            var unitId = Unit(unitCode);
            var m = new Message
            {
                QueryCodeHash = QueryCodes.Hash(QueryCodes.New()), Channel = MessageChannel.Website, Type = type, TargetUnitId = unitId,
                Title = title, Content = content, WriterName = writer, Phone = "1380000" + Random.Shared.Next(1000, 9999), ContactKey = Guid.NewGuid().ToString("N"),
                WantsPublic = true, ReceivedOn = received, ReceivedAt = At(received, 9), RegisteredBy = "网站", UnitId = unitId,
                AcknowledgeDue = calendar.AddWorkingDays(received, limits.Acknowledge), ReplyDue = calendar.AddWorkingDays(received, limits.ReplyDays(type)),
                AcknowledgedAt = At(calendar.AddWorkingDays(received, 1), 10), State = MessageState.Handling, UpdatedAt = now,
            };
            m.Events.Add(new MessageEvent { At = m.ReceivedAt, Kind = MessageEventKind.Received, ActorName = "留言人", Public = true });
            m.Events.Add(new MessageEvent { At = m.ReceivedAt.AddHours(2), Kind = MessageEventKind.Routed, ActorName = By, Public = true });
            if (reply is not null)
            {
                var replied = calendar.AddWorkingDays(received, replyAfter);
                m.ReplyText = reply; m.ReplyUnitId = unitId; m.ReplyDraftedBy = By; m.ReplyApprovedBy = By;
                m.RepliedOn = replied; m.RepliedAt = At(replied, 16); m.State = MessageState.Closed; m.PublishApproved = true; m.PublishedAt = m.RepliedAt;
                m.Satisfaction = rating; m.RatedAt = rating is null ? null : m.RepliedAt.Value.AddDays(1);
                m.Events.Add(new MessageEvent { At = m.RepliedAt.Value, Kind = MessageEventKind.ReplyApproved, ActorName = By, Public = true });
                m.Events.Add(new MessageEvent { At = m.RepliedAt.Value, Kind = MessageEventKind.Published, ActorName = By, Public = true });
            }
            return m;
        }

        db.Messages.AddRange(
            Letter(MessageType.Inquiry, "SZJTJ", "关于小学一年级入学报名时间的咨询", "孩子明年上小学，请问区属公办小学一年级什么时候网上报名？需要准备哪些材料？",
                "陈女士", 30, "您好！区属公办小学一年级招生网上报名一般在每年6月进行，具体时间以区教体局发布的当年招生工作方案为准。报名需准备户口簿、房产证明或租赁备案证明等材料。感谢您的关注。", 3, Satisfaction.Satisfied),
            Letter(MessageType.Suggestion, "SZZJJ", "建议加强老旧小区加装电梯政策宣传", "我们小区是九十年代的老楼，很多老人上下楼困难，希望政府加大加装电梯补贴政策的宣传。",
                "刘先生", 25, "感谢您的建议！我局将通过社区宣传栏、政务新媒体和上门讲解等方式加强既有住宅加装电梯政策宣传，并在街道设立咨询服务点。", 6, Satisfaction.FairlySatisfied),
            Letter(MessageType.Complaint, "SZSJJ", "超市价签与结算价格不一致", "某超市部分商品货架标价与收银结算价格不一致，多收了钱，希望相关部门检查。",
                "王先生", 18, "您好！接到反映后，我局执法人员已到该超市核查，责令其整改价签管理问题并退还多收款项，将持续加强价格监督检查。", 7),
            Letter(MessageType.Inquiry, "SZWJJ", "社区卫生服务中心周末是否开诊", "请问辖区社区卫生服务中心周六、周日是否开诊？能否办理慢性病用药？",
                "赵女士", 1, null, 0));

        // A consultation open now, and one closed with its 采纳情况反馈.
        var open = new Consultation
        {
            Title = "关于《市中区老旧小区改造提升实施方案（征求意见稿）》公开征求意见的公告", UnitId = Unit("SZZJJ"),
            DraftText = "第一条 为推进老旧小区改造提升，改善居民居住条件，制定本方案。\n第二条 改造内容分为基础类、完善类和提升类。\n第三条 改造项目实行“居民申请、街道初审、区级审核”的工作机制。",
            Explanation = "一、起草背景\n根据上级有关工作部署，结合我区实际，起草了本方案。\n二、主要内容\n方案明确了改造范围、改造内容和工作机制。",
            OpensOn = today.AddDays(-5), ClosesOn = today.AddDays(24), ContactEmail = "zjj@example.gov.cn", State = ConsultationState.Published,
            PublishedAt = now.AddDays(-5), PublishedBy = By, CreatedAt = now.AddDays(-6), CreatedBy = By, UpdatedAt = now,
        };
        var closed = new Consultation
        {
            Title = "关于《市中区全民健身场地设施开放管理办法（征求意见稿）》公开征求意见的公告", UnitId = Unit("SZJTJ"),
            DraftText = "第一条 为规范全民健身场地设施开放管理，制定本办法。\n第二条 公共体育场地设施应当向社会开放。",
            Explanation = "一、起草背景\n为满足群众健身需求，起草本办法。", OpensOn = today.AddDays(-90), ClosesOn = today.AddDays(-61),
            ContactEmail = "jtj@example.gov.cn", State = ConsultationState.FeedbackPublished, PublishedAt = now.AddDays(-90), PublishedBy = By,
            FeedbackText = "征求意见期间共收到意见3条，采纳1条，部分采纳1条，未采纳1条。感谢社会各界的关心和支持。",
            FeedbackPublishedAt = now.AddDays(-50), FeedbackPublishedBy = By, CreatedAt = now.AddDays(-91), CreatedBy = By, UpdatedAt = now,
        };
        ConsultationComment Comment(int n, string name, string content, Adoption adoption, string? reason) => new()
        {
            Number = n, Name = name, Phone = "1390000" + (1000 + n), Content = content, SubmittedAt = now.AddDays(-80 + n), WantsPublic = true,
            Moderation = CommentModeration.Public, ModeratedAt = now.AddDays(-79 + n), ModeratedBy = By, Adoption = adoption, AdoptionReason = reason,
            DecidedAt = now.AddDays(-52), DecidedBy = By,
        };
        closed.Comments.Add(Comment(1, "孙先生", "建议学校体育场地在节假日向周边居民开放。", Adoption.Adopted, null));
        closed.Comments.Add(Comment(2, "周女士", "建议开放时间延长至晚上十点。", Adoption.PartlyAdopted, "夏季开放时间延长至21时；延长至22时涉及安保和照明投入，暂不采纳。"));
        closed.Comments.Add(Comment(3, "吴先生", "建议所有场地一律免费。", Adoption.NotAdopted, "部分场地运营维护成本较高，实行低收费开放，具体收费项目另行公布。"));
        db.Consultations.AddRange(open, closed);

        // This year's catalog, published, one item under way.
        var catalog = new DecisionCatalog { Year = today.Year, Title = $"市中区人民政府{today.Year}年度重大行政决策事项目录", IsPublished = true, PublishedAt = now.AddDays(-200),
            PublishedBy = By, CreatedAt = now.AddDays(-210), CreatedBy = By, UpdatedAt = now };
        var item = new MajorDecision { Order = 1, Name = "市中区老旧小区改造提升实施方案", LeadUnitId = Unit("SZZJJ"), LegalBasis = "《重大行政决策程序暂行条例》",
            PlannedCompletion = new DateOnly(today.Year, 12, 31), Status = DecisionStatus.InProgress, UpdatedAt = now };
        foreach (var kind in Enum.GetValues<DecisionStageKind>())
            item.Stages.Add(new DecisionStage { Kind = kind, Applicability = StageApplicability.Required });
        catalog.Items.Add(item);
        catalog.Items.Add(new MajorDecision { Order = 2, Name = "市中区全民健身设施建设规划", LeadUnitId = Unit("SZJTJ"), Status = DecisionStatus.Planned, UpdatedAt = now,
            PlannedCompletion = new DateOnly(today.Year, 12, 31), Stages = Enum.GetValues<DecisionStageKind>().Select(k => new DecisionStage { Kind = k }).ToList() });
        db.DecisionCatalogs.Add(catalog);
        await db.SaveChangesAsync(ct);
        // 预公开: the open consultation is the item's 公众参与.
        item.Stages.Single(s => s.Kind == DecisionStageKind.PublicParticipation).ConsultationId = open.Id;
        open.MajorDecisionId = item.Id;
        open.IsMajorDecision = true;

        // An interview held last month with its record, and one to come.
        var held = new Interview
        {
            UnitId = Unit("SZRSJ"), Title = "稳就业促创业政策解读在线访谈", Topic = "就业创业扶持政策", Description = "区人力资源社会保障局负责同志解读就业创业扶持政策。",
            StartsAt = At(today.AddDays(-30), 10), EndsAt = At(today.AddDays(-30), 11), State = InterviewState.RecordPublished,
            StartedAt = At(today.AddDays(-30), 10), EndedAt = At(today.AddDays(-30), 11), RecordPublishedAt = At(today.AddDays(-29), 15),
            RecordSummary = "访谈围绕创业担保贷款、灵活就业社保补贴等政策进行了解读，回答网友提问2个。", CreatedAt = now.AddDays(-40), CreatedBy = By, UpdatedAt = now, LastAnswerSeq = 2,
        };
        held.Guests.Add(new InterviewGuest { Name = "李明", Position = "区人力资源社会保障局副局长", Order = 1 });
        held.Questions.Add(new InterviewQuestion { AskerName = "网友小张", Content = "大学毕业生创业可以申请哪些补贴？", AskedAt = held.StartsAt.AddMinutes(5),
            Status = QuestionStatus.Selected, Answer = "符合条件的高校毕业生可申请一次性创业补贴和创业担保贷款，具体条件可咨询区就业服务中心。", AnsweredByGuest = "李明",
            AnsweredAt = held.StartsAt.AddMinutes(12), AnsweredByStaff = By, AnswerSeq = 1 });
        held.Questions.Add(new InterviewQuestion { AskerName = "陈女士", Content = "灵活就业人员社保补贴怎么申请？", AskedAt = held.StartsAt.AddMinutes(20),
            Status = QuestionStatus.Selected, Answer = "就业困难人员灵活就业后缴纳社会保险费的，可按规定申请社会保险补贴，可通过网上办理或到区政务服务中心窗口办理。", AnsweredByGuest = "李明",
            AnsweredAt = held.StartsAt.AddMinutes(30), AnsweredByStaff = By, AnswerSeq = 2 });
        var coming = new Interview
        {
            UnitId = Unit("SZYBJ"), Title = "医保政策进社区在线访谈", Topic = "城乡居民医保参保缴费", Description = "区医疗保障局负责同志解读城乡居民医保参保缴费政策，欢迎提前提问。",
            StartsAt = At(today.AddDays(10), 10), EndsAt = At(today.AddDays(10), 11), State = InterviewState.Scheduled, CreatedAt = now, CreatedBy = By, UpdatedAt = now,
        };
        coming.Guests.Add(new InterviewGuest { Name = "王芳", Position = "区医疗保障局局长", Order = 1 });
        db.Interviews.AddRange(held, coming);

        db.OpenDays.Add(new OpenDay
        {
            UnitId = Unit("SZSPJ"), Title = "走进政务服务中心——政府开放日", Description = "参观区政务服务中心，体验“一窗受理、一次办好”，与工作人员面对面交流。",
            Place = "市中区政务服务中心", StartsAt = At(today.AddDays(20), 9), EndsAt = At(today.AddDays(20), 11), Capacity = 40,
            RegistrationOpensAt = now.AddDays(-1), RegistrationClosesAt = At(today.AddDays(18), 17), IsPublished = true, CreatedAt = now, CreatedBy = By, UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
