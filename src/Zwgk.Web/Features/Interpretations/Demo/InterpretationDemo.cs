using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations.Demo;

/// <summary>
/// 政策解读 on the demo site, dated around the day it starts: a 规范性文件 of the 区人社局 with four interpretations in
/// different forms (文字 on the same day, 在线访谈 and 图解 within the deadline, 简明问答 late), and a 重要政策 issued
/// in the name of the district government with none, so the report and the document page show every check.
/// </summary>
public static class InterpretationDemo
{
    /// <summary>Titles of the demo documents (the demo tests tell them from the manifest's documents).</summary>
    public static readonly string[] Titles =
    [
        PolicyTitle, MissingTitle, "《关于进一步做好高校毕业生等青年就业创业工作的若干措施》政策解读", "一图读懂：高校毕业生就业创业若干措施",
        "高校毕业生就业创业政策简明问答", "区人社局局长做客在线访谈解读稳就业促创业政策",
    ];

    private const string PolicyTitle = "关于进一步做好高校毕业生等青年就业创业工作的若干措施";
    private const string MissingTitle = "济南市市中区促进消费扩容提质若干政策措施";

    public static async Task LoadAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ZwgkDbContext>();
        if (await db.InterpretationProfiles.AnyAsync(ct) || await db.Documents.AnyAsync(d => d.Title == PolicyTitle, ct)) return;
        var documents = sp.GetRequiredService<DocumentService>();
        var files = sp.GetRequiredService<ContentStore>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var calendar = await sp.GetRequiredService<CalendarService>().GetAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (!units.TryGetValue("SZRSJ", out var rsj) || !units.TryGetValue("SZQZF", out var gov)) return;
        var columns = await db.Columns.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, ct);
        List<int> Cols(params string[] slugs) => slugs.Where(columns.ContainsKey).Select(s => columns[s]).ToList();
        var today = Formats.Today(clock);
        DateOnly WorkdaysAgo(int n) { var d = today; for (var i = 0; i < n; d = d.AddDays(-1)) if (calendar.IsWorkingDay(d.AddDays(-1))) i++; return d; }
        DateTimeOffset At(DateOnly d, int hour) => new DateTimeOffset(d.ToDateTime(new TimeOnly(hour, 0)), Formats.ChinaOffset).ToUniversalTime();

        async Task<int?> Create(DocumentInput input, Action<Document>? extra = null)
        {
            var r = await documents.SaveAsync(null, input, ct, systemImport: true);
            if (!r.Ok || r.Id is not int id) return null;
            if (extra is not null)
            {
                var doc = await db.Documents.Include(d => d.Relations).Include(d => d.Attachments).FirstAsync(d => d.Id == id, ct);
                extra(doc);
                await db.SaveChangesAsync(ct);
            }
            return id;
        }
        async Task Publish(int id, DateTimeOffset at) => await documents.PublishAsSystemAsync(id, "演示内容：政策解读", ct, at);

        var policyDay = WorkdaysAgo(12);
        var year = policyDay.Year;
        var policyId = await Create(new DocumentInput
        {
            Title = PolicyTitle, DocumentNumber = $"市中人社发〔{year}〕5号", WrittenOn = policyDay.AddDays(-3), Genre = "通知", TopicCategory = "劳动、人事、监察\\劳动就业",
            IsNormative = true, NormativeRegistrationNumber = $"SZDR-{year}-0050003", EffectiveOn = policyDay, OwnerUnitId = rsj, IssuerUnitIds = [rsj], ColumnIds = Cols("xzgfxwj"),
            Keywords = "就业 创业 高校毕业生 补贴", BodyHtml = Html(PolicyBody),
        });
        if (policyId is not int pid) return;
        await Publish(pid, At(policyDay, 9));

        async Task Interpretation(string title, InterpretationForm form, string body, DateOnly day, string? name, string? titleOfPerson,
            (string Clause, string Text)[] points, string? url = null, string? image = null, string? alt = null)
        {
            var id = await Create(new DocumentInput
            {
                Title = title, Genre = "解读", OwnerUnitId = rsj, IssuerUnitIds = [rsj], ColumnIds = Cols("zcjd"), TopicCategory = "劳动、人事、监察\\劳动就业", BodyHtml = body, Keywords = "政策解读 就业 创业",
            }, doc => doc.Relations.Add(new DocumentRelation { ToDocumentId = pid, Type = RelationType.Interprets }));
            if (id is not int iid) return;
            var profile = new InterpretationProfile
            {
                DocumentId = iid, Form = form, InterpretingUnitId = rsj, InterpreterName = name, InterpreterTitle = titleOfPerson, ExternalMediaUrl = url,
                UpdatedAt = clock.GetUtcNow(), UpdatedBy = "演示数据",
                Points = points.Select((p, i) => new InterpretationPoint { Order = i + 1, Clause = p.Clause, Text = p.Text }).ToList(),
            };
            if (image is not null && File.Exists(image))
            {
                await using var s = File.OpenRead(image);
                var stored = await files.SaveAsync(s, Path.GetFileName(image), ct);
                var doc = await db.Documents.Include(d => d.Attachments).FirstAsync(d => d.Id == iid, ct);
                var attachment = new Attachment { FileName = "一图读懂.png", ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, CreatedAt = clock.GetUtcNow() };
                doc.Attachments.Add(attachment);
                await db.SaveChangesAsync(ct);
                profile.Media.Add(new InterpretationMedia { Order = 1, AttachmentId = attachment.Id, Kind = MediaKind.Image, AltText = alt });
            }
            db.InterpretationProfiles.Add(profile);
            await db.SaveChangesAsync(ct);
            await Publish(iid, At(day, 15));
        }

        (string, string)[] keyPoints =
        [
            ("第一条", "中小微企业每招用一名离校2年内未就业的高校毕业生，签订1年以上劳动合同并缴纳社保，可领取1500元一次性吸纳就业补贴。"),
            ("第二条", "首次在本区创办小微企业或个体户、正常经营满6个月的高校毕业生，可领取5000元一次性创业补贴。"),
            ("第三条", "个人创业担保贷款最高30万元，小微企业最高400万元，财政按规定贴息。"),
            ("第五条", "困难家庭毕业生“一人一档”“一人一策”，优先推荐岗位。"),
        ];
        await Interpretation("《关于进一步做好高校毕业生等青年就业创业工作的若干措施》政策解读", InterpretationForm.Text, Html(GenuineBody), policyDay,
            "王建华", "局长", keyPoints);
        await Interpretation("区人社局局长做客在线访谈解读稳就业促创业政策", InterpretationForm.OnlineInterview,
            Html("区人社局局长王建华做客区政府网站在线访谈，围绕企业招用毕业生补贴、自主创业扶持和困难毕业生帮扶回答了网民提问。访谈实录见在线访谈栏目。"),
            calendar.AddWorkingDays(policyDay, 1), "王建华", "局长", [], url: "https://www.example.gov.cn/hdjl/zxft/");
        var image = Path.Combine(AppContext.BaseDirectory, "DemoData", "interpretations", "jiuye-tujie.png");
        await Interpretation("一图读懂：高校毕业生就业创业若干措施", InterpretationForm.Graphic,
            Html("用一张图看懂企业吸纳就业补贴、一次性创业补贴和创业担保贷款三项主要支持政策。"), calendar.AddWorkingDays(policyDay, 2), null, null, [],
            image: image, alt: "一图读懂：企业吸纳就业补贴每人1500元；一次性创业补贴5000元；个人创业担保贷款最高30万元，小微企业最高400万元；见习补贴按最低工资标准60%发放，留用率达50%以上提高到70%。");
        await Interpretation("高校毕业生就业创业政策简明问答", InterpretationForm.BriefQa, Html(BriefQaBody), calendar.AddWorkingDays(policyDay, 6),
            null, null, []);

        // A 重要政策 in the name of the district government, still without interpretation: the report shows it overdue.
        var missingDay = WorkdaysAgo(6);
        var missing = await Create(new DocumentInput
        {
            Title = MissingTitle, DocumentNumber = $"市中政发〔{missingDay.Year}〕8号", WrittenOn = missingDay.AddDays(-2), Genre = "通知", TopicCategory = "商贸、海关、旅游\\国内贸易（含供销）",
            OwnerUnitId = gov, IssuerUnitIds = [gov], ColumnIds = Cols("qtwj"), Keywords = "促进消费 以旧换新",
            BodyHtml = Html("为进一步释放消费潜力，推动消费扩容提质，结合本区实际，制定以下政策措施。\n一、开展汽车、家电以旧换新补贴活动。\n二、支持商圈和特色街区提升改造。\n三、发放惠民消费券。\n四、本措施自发布之日起施行。"),
            IsMajorPolicy = true,
        });
        if (missing is int mid) await Publish(mid, At(missingDay, 10));
    }

    private static string Html(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"));

    private const string PolicyBody = """
        为深入贯彻落实党中央、国务院关于稳就业的决策部署，进一步做好高校毕业生等青年就业创业工作，结合本区实际，制定以下措施。
        第一条 鼓励企业吸纳就业。对本区中小微企业招用毕业年度或离校2年内未就业高校毕业生，与其签订1年以上劳动合同并按规定缴纳社会保险费的，按每人1500元标准给予一次性吸纳就业补贴。
        第二条 支持自主创业。对在本区首次创办小微企业或从事个体经营，且自工商登记注册之日起正常运营6个月以上的高校毕业生，给予一次性创业补贴5000元。
        第三条 加大创业担保贷款支持。符合条件的高校毕业生个人可申请最高30万元的创业担保贷款，小微企业可申请最高400万元的创业担保贷款，按规定给予贴息。
        第四条 开发见习岗位。各单位应当积极开发就业见习岗位，对吸纳离校未就业高校毕业生参加见习的单位，按当地最低工资标准的60%给予见习补贴，见习期满留用率达到50%以上的，补贴标准提高到70%。
        第五条 强化困难毕业生帮扶。对零就业家庭、脱贫家庭、低保家庭、残疾等困难毕业生，实施“一人一档”“一人一策”精准帮扶，优先推荐岗位，按规定发放一次性求职创业补贴。
        第六条 优化就业服务。区人力资源社会保障部门应当每月至少举办一次专场招聘活动，为高校毕业生提供政策咨询、职业指导、职业介绍等免费服务。
        第七条 本措施自发布之日起施行，有效期至2027年12月31日。具体申请条件和办理流程由区人力资源社会保障局另行公布。
        """;

    private const string GenuineBody = """
        一、出台背景
        今年我区应届毕业生人数创历史新高，部分企业反映招人难、留人难，毕业生也反映找工作渠道少。区人社局在调研了全区一百多家企业和三所高校后起草了这份措施，目的是让企业愿意招、毕业生找得到。
        二、企业能得到什么支持
        中小微企业每招一名毕业两年内还没工作的大学生，签满一年合同并给他交社保，就可以领一次性补贴一千五百元。企业在社保缴费满三个月后，通过区政务服务网“就业补贴”栏目在线提交即可，不用再跑窗口。
        三、毕业生创业有什么扶持
        第一次在本区开办小微企业或者个体户，正常经营满半年，可以拿五千元创业补贴；缺启动资金的，个人最多能贷三十万元，利息由财政帮着贴。
        四、困难毕业生怎么帮
        我们会给每一位困难毕业生建立专门档案，安排专人联系，优先推荐岗位，还可以申请求职创业补贴。有疑问可以拨打区人社局就业服务热线咨询。
        """;

    private const string BriefQaBody = """
        问：离校两年了还没找到工作，企业招我能拿补贴吗？
        答：可以。只要您在毕业两年内、企业和您签一年以上合同并交社保，企业就能申请每人1500元补贴。
        问：开网店算创业吗？
        答：办理了个体工商户登记并正常经营满6个月的，可以申请5000元一次性创业补贴。
        问：见习期间有工资吗？
        答：见习单位按规定发放生活补助，区里再按最低工资标准的60%给单位补贴；留用率高的单位补贴提高到70%。
        """;
}
