using Zwgk.Domain.Ledger;

namespace Zwgk.Domain.Tests.Ledger;

/// <summary>The 工作要点落实情况 text for the annual report, composed from task statuses (seed 001's requirement).</summary>
public class LedgerSummaryTests
{
    private static LedgerSummaryUnit U(string name, LedgerStatus s) => new(name, s);

    private static readonly LedgerSummaryItem[] Year =
    [
        new("一、深化重点领域信息公开", "做好预算决算公开。按要求公开部门预决算", LedgerStatus.Done, [U("区财政局", LedgerStatus.Done)]),
        new("一、深化重点领域信息公开", "推进政府债务信息公开；定期公开", LedgerStatus.Overdue, [U("区财政局", LedgerStatus.Done), U("区教体局", LedgerStatus.Overdue)]),
        new("一、深化重点领域信息公开", "做好政策解读", LedgerStatus.InProgress, [U("区教体局", LedgerStatus.InProgress)]),
        new("二、加强平台建设。", "优化政务公开专栏", LedgerStatus.AwaitingVerification, [U("区财政局", LedgerStatus.AwaitingVerification)]),
        new("二、加强平台建设。", "建设数据开放平台", LedgerStatus.Overdue, [], "区数据局"),
        new("二、加强平台建设。", "内部考核", LedgerStatus.Overdue, [U("区民政局", LedgerStatus.Overdue)], MayBeNamed: false),
        new("二、加强平台建设。", "完善政府公报", LedgerStatus.Done, [U("区政府办", LedgerStatus.Done)]),
    ];

    [Fact]
    public void The_district_summary_counts_every_status_gives_the_rate_one_sentence_per_section_and_names_overdue_tasks()
    {
        var text = LedgerSummary.Compose(2025, Year);
        Assert.Equal(
            "2025年政务公开工作要点共分解任务7项，已完成2项、推进中1项、待核查1项、逾期3项（完成率28.6%）。\n" +
            "“一、深化重点领域信息公开”方面，共3项，已完成1项、推进中1项、逾期1项。\n" +
            "“二、加强平台建设”方面，共4项，已完成1项、待核查1项、逾期2项。\n" +
            "“推进政府债务信息公开”（区教体局）尚未完成，正在督促整改。" +
            "“建设数据开放平台”（区数据局）尚未完成，正在督促整改。",
            text);
        Assert.DoesNotContain("内部考核", text); // counted, not quoted: the office keeps it off the public pages
    }

    [Fact]
    public void A_units_summary_lists_its_own_tasks_with_their_status()
    {
        var items = new LedgerSummaryItem[]
        {
            new("一、深化重点领域信息公开", "推进政府债务信息公开；定期公开", LedgerStatus.Overdue, [U("区教体局", LedgerStatus.Overdue)]),
            new("一、深化重点领域信息公开", "做好政策解读\n1.同步起草", LedgerStatus.InProgress, [U("区教体局", LedgerStatus.InProgress)]),
            new(null, "不公开的任务", LedgerStatus.NotStarted, [U("区教体局", LedgerStatus.NotStarted)], MayBeNamed: false),
        };
        Assert.Equal(
            "2025年政务公开工作要点中，区教体局承担任务3项，已完成0项、推进中1项、待核查0项、未开始1项、逾期1项（完成率0%）。\n" +
            "“一、深化重点领域信息公开”方面，共2项，推进中1项、逾期1项。\n" +
            "其他任务方面，共1项，未开始1项。\n" +
            "承担的任务：1.推进政府债务信息公开（逾期）；2.做好政策解读（推进中）。另有1项不公开的任务未列出。\n" +
            "“推进政府债务信息公开”（区教体局）尚未完成，正在督促整改。",
            LedgerSummary.Compose(2025, items, "区教体局"));
    }

    [Fact]
    public void Without_tasks_or_sections_the_text_says_so_and_skips_section_sentences()
    {
        Assert.Equal("2025年政务公开工作要点尚未分解任务。", LedgerSummary.Compose(2025, []));
        Assert.Equal("2025年政务公开工作要点中，区民政局未承担分解任务。", LedgerSummary.Compose(2025, [], "区民政局"));
        var flat = LedgerSummary.Compose(2024, [new(null, "甲", LedgerStatus.Done, []), new(null, "乙", LedgerStatus.Done, [])]);
        Assert.Equal("2024年政务公开工作要点共分解任务2项，已完成2项、推进中0项、待核查0项、逾期0项（完成率100%）。", flat);
    }

    [Theory]
    [InlineData(1, 3, "33.3%")]
    [InlineData(2, 3, "66.7%")]
    [InlineData(1, 8, "12.5%")]
    [InlineData(54, 54, "100%")]
    [InlineData(0, 0, "0%")]
    public void The_rate_is_rounded_to_one_decimal(int done, int total, string expected) => Assert.Equal(expected, LedgerSummary.Rate(done, total));

    [Fact]
    public void Brief_quotes_the_first_clause_and_cuts_long_text()
    {
        Assert.Equal("做好预算决算公开", LedgerSummary.Brief("做好预算决算公开。按要求公开"));
        Assert.Equal("持续做好政策解读", LedgerSummary.Brief("\n持续做好政策解读：\n1.同步起草"));
        var longText = new string('政', 60);
        Assert.Equal(new string('政', LedgerSummary.RequirementBrief) + "……", LedgerSummary.Brief(longText));
    }

    [Fact]
    public void Inserting_appends_a_delimited_block_and_a_second_insertion_replaces_only_that_block()
    {
        var first = LedgerSummary.InsertBlock("2025年，本区认真贯彻落实条例。\n", "旧的落实情况。");
        Assert.Equal($"2025年，本区认真贯彻落实条例。\n{LedgerSummary.BlockStart}\n旧的落实情况。\n{LedgerSummary.BlockEnd}", first);

        // The editor wrote around the block and edited inside it: the block is replaced, the rest kept.
        var edited = first.Replace("旧的落实情况。", "旧的落实情况（编辑改过）。") + "\n全年主动公开政府信息120条。";
        var second = LedgerSummary.InsertBlock(edited.Replace("\n", "\r\n"), "新的落实情况。");
        Assert.Equal($"2025年，本区认真贯彻落实条例。\n{LedgerSummary.BlockStart}\n新的落实情况。\n{LedgerSummary.BlockEnd}\n全年主动公开政府信息120条。", second);
        Assert.Equal(1, second.Split(LedgerSummary.BlockStart).Length - 1);

        Assert.Equal($"{LedgerSummary.BlockStart}\n甲\n{LedgerSummary.BlockEnd}", LedgerSummary.InsertBlock(null, "甲"));
        // The end marker was deleted: what follows the start may be the editor's own text, so nothing is replaced.
        var broken = $"前言\n{LedgerSummary.BlockStart}\n编辑自己的文字";
        Assert.Equal(broken + $"\n{LedgerSummary.BlockStart}\n乙\n{LedgerSummary.BlockEnd}", LedgerSummary.InsertBlock(broken, "乙"));
        Assert.True(LedgerSummary.IsMarker(" " + LedgerSummary.BlockEnd));
        Assert.False(LedgerSummary.IsMarker("正文"));
    }
}
