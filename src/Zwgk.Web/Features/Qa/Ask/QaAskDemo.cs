using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Ask;

/// <summary>Demo 政策咨询: two answered and published (shown in 网友政策咨询), one still with its unit. Loaded once.</summary>
public static class QaAskDemo
{
    private const string By = "演示数据";

    public static async Task LoadAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ZwgkDbContext>();
        if (await db.Messages.AnyAsync(m => m.Type == MessageType.PolicyQuestion, ct)) return;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (units.Count == 0) return;
        int Unit(string code) => units.TryGetValue(code, out var id) ? id : units.Values.Min();
        var clock = sp.GetRequiredService<TimeProvider>();
        var calendar = await sp.GetRequiredService<CalendarService>().GetAsync(ct);
        var limits = sp.GetRequiredService<IOptions<MessageTimeLimitOptions>>().Value.ToLimits();
        var now = clock.GetUtcNow();
        var today = Formats.Today(clock);
        DateTimeOffset At(DateOnly d, int hour) => new DateTimeOffset(d.ToDateTime(new TimeOnly(hour, 0)), Formats.ChinaOffset).ToUniversalTime();
        DateOnly WorkdaysAgo(int n) { var d = today; for (var i = 0; i < n; d = d.AddDays(-1)) if (calendar.IsWorkingDay(d.AddDays(-1))) i++; return d; }

        Message Question(string unitCode, string title, string content, string writer, int receivedWorkdaysAgo, string? reply, int replyAfter)
        {
            var received = WorkdaysAgo(receivedWorkdaysAgo);
            var unitId = Unit(unitCode);
            var m = new Message
            {
                QueryCodeHash = QueryCodes.Hash(QueryCodes.New()), Channel = MessageChannel.Website, Type = MessageType.PolicyQuestion, TargetUnitId = unitId,
                Title = title, Content = content, WriterName = writer, Phone = "1390000" + Random.Shared.Next(1000, 9999), ContactKey = Guid.NewGuid().ToString("N"),
                WantsPublic = true, ReceivedOn = received, ReceivedAt = At(received, 9), RegisteredBy = "政策问答提问", UnitId = unitId,
                AcknowledgeDue = calendar.AddWorkingDays(received, limits.Acknowledge), ReplyDue = calendar.AddWorkingDays(received, limits.ReplyDays(MessageType.PolicyQuestion)),
                AcknowledgedAt = At(calendar.AddWorkingDays(received, 1), 10), State = MessageState.Handling, UpdatedAt = now,
            };
            m.Events.Add(new MessageEvent { At = m.ReceivedAt, Kind = MessageEventKind.Received, ActorName = "留言人", Note = "留言人通过政策问答页提问", Public = true });
            m.Events.Add(new MessageEvent { At = m.ReceivedAt, Kind = MessageEventKind.Routed, ActorName = By, Note = "随登记直接分办", Public = true });
            if (reply is not null)
            {
                var replied = calendar.AddWorkingDays(received, replyAfter);
                m.ReplyText = reply; m.ReplyUnitId = unitId; m.ReplyDraftedBy = By; m.ReplyApprovedBy = By;
                m.RepliedOn = replied; m.RepliedAt = At(replied, 16); m.State = MessageState.Closed; m.PublishApproved = true; m.PublishedAt = m.RepliedAt;
                m.Events.Add(new MessageEvent { At = m.RepliedAt.Value, Kind = MessageEventKind.ReplyApproved, ActorName = By, Public = true });
                m.Events.Add(new MessageEvent { At = m.RepliedAt.Value, Kind = MessageEventKind.Published, ActorName = By, Public = true });
            }
            return m;
        }

        db.Messages.AddRange(
            Question("SZRSJ", "灵活就业人员断缴后还能补缴养老保险吗", "我是自由职业者，去年有几个月没交养老保险，现在还能补上吗？",
                "孙先生", 20, "您好！灵活就业人员中断缴费的，可按规定在当年内补缴，跨年度的一般不予补缴，缴费年限累计计算。具体请携带身份证到区社会保险事业管理中心咨询办理。", 3),
            Question("SZZJJ", "外地户籍能申请公共租赁住房吗", "我在本区工作三年，户口在外地，没有自己的房子，能不能申请公租房？",
                "李女士", 12, "您好！在本区稳定就业、连续缴纳社会保险满一年且在本区无自有住房的外地户籍人员，可以向工作所在地街道提出公共租赁住房申请。", 4),
            Question("SZYBJ", "异地就医备案需要什么材料", "父母要去外地跟我们住一段时间，看病怎么报销？要先备案吗？",
                "周先生", 1, null, 0));
        await db.SaveChangesAsync(ct);
    }
}
