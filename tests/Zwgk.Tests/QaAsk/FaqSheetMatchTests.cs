using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;

namespace Zwgk.Tests.QaAsk;

/// <summary>
/// The way an office will try it: import its own FAQ sheet (GBK CSV, header variants, an unknown unit) with
/// `qa import --publish`, then ask in citizens' words that appear nowhere in the sheet (not its questions, not its
/// 其他问法) through GET /api/v1/qa/match. Figures are printed; the floors sit under what was measured.
/// </summary>
public sealed class FaqSheetMatchTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;

    public ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(DatabaseProvider.Sqlite);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    /// <summary>A citizen's question and the start of the sheet's question that answers it.</summary>
    private static readonly (string Ask, string Expected)[] Questions =
    [
        ("我是打零工的，养老保险怎么自己交", "灵活就业人员怎样参加职工基本养老保险"),
        ("社保要交几年以后才能每个月领退休金", "养老保险缴费满多少年"),
        ("丢了工作怎么领失业金", "失业后怎样申领失业保险金"),
        ("去外省看病医保要怎么备案", "到外地看病怎样办理异地就医备案"),
        ("住院哪些钱医保能报", "在医院看病时哪些费用可以用医保报销"),
        ("刚生的宝宝怎么办医保", "新生儿怎样参加城乡居民医保"),
        ("小孩读一年级要怎么报名", "孩子上小学怎样报名"),
        ("外地户口的孩子能在这里读书吗", "父母在本区工作、孩子不是本地户口"),
        ("家里困难，孩子上学有啥补助", "家庭经济困难的学生可以得到哪些资助"),
        ("租房子能取公积金吗", "住房公积金能用来付房租吗"),
        ("公租房怎么申请", "怎样申请公共租赁住房"),
        ("宝宝出生了怎么上户口", "新生儿怎样办理出生登记"),
        ("身份证丢了去哪补", "居民身份证丢了怎么补办"),
        ("生活困难怎么办低保", "怎样申请最低生活保障"),
        ("想看政府的文件怎么申请公开", "怎样申请政府信息公开"),
        ("申请信息公开多久能回复", "申请政府信息公开多长时间能得到答复"),
        ("申请公开信息要交钱吗", "申请政府信息公开要收费吗"),
        ("自己创业能贷款吗", "失业人员自主创业可以申请创业担保贷款吗"),
    ];

    [Fact]
    public async Task Questions_in_citizens_words_find_the_imported_sheet_entries()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "qa", "faq-gbk.csv");
        var parsed = CliCommand.Parse(["qa", "import", file, "--publish", "--json"], "/srv", stdout, stderr);
        var verb = CliVerbs.Create().Single(v => v.Command.Name == "qa");
        Assert.Equal(0, await _f.WithScopeAsync(sp => verb.RunAsync(sp, parsed.Command!.Arguments, stdout, stderr)));

        var client = _f.CreateClient();
        int top1 = 0, top3 = 0;
        foreach (var (ask, expected) in Questions)
        {
            var items = (await QaRows.MatchAsync(client, ask, 3)).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("question").GetString()!).ToList();
            var rank = items.FindIndex(q => q.StartsWith(expected, StringComparison.Ordinal));
            if (rank == 0) top1++;
            if (rank >= 0) top3++;
            output.WriteLine($"{(rank < 0 ? "MISS" : "#" + (rank + 1))}  {ask}  →  {(items.Count > 0 ? items[0] : "（无）")}");
        }
        output.WriteLine($"FAQ sheet, {Questions.Length} questions in citizens' words: top-1 {top1}/{Questions.Length}, top-3 {top3}/{Questions.Length}");
        Assert.True(top3 >= Questions.Length - 1, $"top-3 {top3}/{Questions.Length}");
        Assert.True(top1 >= Questions.Length - 3, $"top-1 {top1}/{Questions.Length}");
    }
}
