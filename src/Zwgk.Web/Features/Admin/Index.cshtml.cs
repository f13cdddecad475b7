using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Admin;

/// <summary>Back-office home: who you are, what is in your scope, what waits for you.</summary>
public sealed class IndexModel(ZwgkDbContext db, CurrentUser me, TimeProvider clock, Requests.RequestQueries requests, Ledger.LedgerQueries ledger,
    Interaction.Messages.MessageQueries messages, Concerns.ConcernQueries concerns) : AdminPageModel
{
    public sealed record QuickLink(string Href, string Label, string Description);

    public string Greeting { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<(DocumentStatus Status, int Count)> ByStatus { get; private set; } = [];
    public int Total { get; private set; }
    public int PendingReview { get; private set; }
    public List<QuickLink> Links { get; } = [];
    public bool SpansAllUnits => me.SpansAllUnits;
    /// <summary>依申请公开 reminders: open cases by deadline status in the user's scope, and the most urgent ones.</summary>
    public Requests.UnitDeadlineRow? RequestTotals { get; private set; }
    public IReadOnlyList<Requests.RequestListItem> UrgentRequests { get; private set; } = [];
    /// <summary>工作台账 reminders: the user's unit's parts (the office: every unit's) overdue or due soon.</summary>
    public IReadOnlyList<Ledger.Reminder>? LedgerReminders { get; private set; }
    /// <summary>网友留言 reminders: open messages in the user's scope overdue or due within a working day.</summary>
    public IReadOnlyList<Interaction.Messages.MessageReminder>? MessageReminders { get; private set; }
    /// <summary>回应关切 reminders: open concerns in the user's scope with a response milestone overdue or due soon (clock hours).</summary>
    public IReadOnlyList<Concerns.ConcernReminder>? ConcernReminders { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var hour = clock.GetUtcNow().ToOffset(Formats.ChinaOffset).Hour;
        Greeting = hour switch { < 6 => "夜深了", < 12 => "上午好", < 14 => "中午好", < 18 => "下午好", _ => "晚上好" };
        UnitName = await db.Units.Where(u => u.Id == me.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";

        var counts = await me.Scope(db.Documents.AsNoTracking()).GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ByStatus = Enum.GetValues<DocumentStatus>().Select(s => (s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        Total = counts.Sum(c => c.Count);
        PendingReview = ByStatus.First(s => s.Status == DocumentStatus.InReview).Count;

        if (Requests.RequestAccess.CanWork(me))
        {
            var rows = await requests.ByUnitAsync(ct);
            RequestTotals = new Requests.UnitDeadlineRow(0, "", rows.Sum(r => r.Open), rows.Sum(r => r.Unstarted), rows.Sum(r => r.Paused), rows.Sum(r => r.DueSoon),
                rows.Sum(r => r.Overdue), rows.Sum(r => r.LongOverdue));
            var overdue = await requests.ListAsync(new Requests.RequestListFilter(Requests.RequestListView.Overdue, PageSize: 5), ct);
            var soon = await requests.ListAsync(new Requests.RequestListFilter(Requests.RequestListView.DueSoon, PageSize: 5), ct);
            UrgentRequests = overdue.Items.Concat(soon.Items).Take(8).ToList();
            Links.Add(new("/admin/requests", "依申请公开", "登记、办理、答复政府信息公开申请"));
        }
        if (Ledger.LedgerAccess.CanSeeLedger(me))
        {
            LedgerReminders = await ledger.RemindersAsync(ct);
            Links.Add(new("/admin/ledger", "工作台账", me.SpansAllUnits ? "工作要点任务分工的落实、核查和销号" : "本单位承担的工作要点任务及进展报送"));
        }
        if (Interaction.Messages.MessageAccess.CanWorkMessages(me))
        {
            MessageReminders = await messages.RemindersAsync(ct);
            Links.Add(new("/admin/messages", "网友留言", me.SpansAllUnits ? "分办、督办各单位的网友留言" : "办理分办给本单位的网友留言"));
        }
        if (Concerns.ConcernAccess.CanWorkConcerns(me))
        {
            ConcernReminders = await concerns.RemindersAsync(ct);
            Links.Add(new("/admin/concerns", "回应关切", "登记政务舆情和社会关切，按时限回应"));
        }
        if (me.CanEdit) Links.Add(new("/admin/documents/new", "新建文件", "录入一份政府文件，填写信息索引要素"));
        Links.Add(new("/admin/documents", "文件管理", me.SpansAllUnits ? "查看和维护各单位的文件" : "查看和维护本单位的文件"));
        if (me.CanReview) Links.Add(new("/admin/review", "待审核", "办理等待审核的文件"));
        if (me.CanEdit) Links.Add(new("/admin/import", "导入文件", "上传 Word、文本或网页文件生成草稿"));
        if (me.CanManageColumns) Links.Add(new("/admin/columns", "栏目管理", "维护公开目录和栏目设置"));
        if (me.CanManageUnits) Links.Add(new("/admin/units", "单位管理", "维护单位、编码和上下级关系"));
        if (me.CanManageUnits) Links.Add(new("/admin/search", "全站检索", "通俗语言词库、热词、检索统计和索引状态"));
        if (me.CanManageUsers) Links.Add(new("/admin/users", "用户管理", "创建账号、分配角色、重置密码"));
        Links.Add(new("/admin/audit", "审计日志", "查看操作记录"));
        if (me.CanManageSettings) Links.Add(new("/admin/settings", "站点设置", "网站名称、网站标识码、备案信息"));
    }
}
