using Xunit;
using Zwgk.Search.Qa;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Qa;

/// <summary>The Q&amp;A matcher's analysis and contract: question forms, colloquial bridging both ways, traditional text,
/// limits, rebuilding after edits, and questions the base cannot answer.</summary>
public sealed class QaMatcherTests(ITestOutputHelper output)
{
    private static readonly PlainLanguage Plain = new(PlainLanguage.LoadDefaultEntries());

    /// <summary>A small base over several topics, written the way units write (official words).</summary>
    private static readonly QaEntry[] Base =
    [
        new("enrol-materials", "子女入学需要哪些材料？", "适龄子女入学报名需提供户口簿、居住证明和出生医学证明，具体以当年招生公告为准。", "区教育局", "《中华人民共和国义务教育法》"),
        new("enrol-time", "子女入学报名时间是什么时候？", "义务教育入学报名一般在每年6月进行，具体时间以区教育局当年发布的招生公告为准。", "区教育局", "《中华人民共和国义务教育法》"),
        new("remote-care", "异地就医的医疗费用如何报销？", "参保人员异地就医前应办理备案，在就医地定点医疗机构直接结算；未能直接结算的，回参保地手工报销。", "区医疗保障局", "《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》"),
        new("age-allowance", "高龄津贴每月什么时候发放？", "高龄津贴按月发放，每月15日前发放到老年人本人社会保障卡银行账户。", "区民政局", "《中华人民共和国老年人权益保障法》"),
        new("senior-card", "老年人优待证怎么申领？", "年满60周岁的老年人可持居民身份证到户籍所在地社区或通过政务服务网申领老年人优待证。", "区民政局", "本区老年人优待办法"),
        new("public-rental", "无自有住房家庭申请公共租赁住房的条件是什么？", "在本区无自有住房、家庭收入符合标准的家庭可向街道申请公共租赁住房，经审核、公示、轮候后配租。", "区住房和城乡建设局", "《公共租赁住房管理办法》"),
        new("id-lost", "居民身份证丢失了怎么补领？", "居民身份证丢失的，可到派出所户籍窗口申请补领，补领期间可申请临时居民身份证。", "区公安分局", "《中华人民共和国居民身份证法》"),
        new("unemployment", "失业保险金怎么申领？", "非因本人意愿中断就业、已办理失业登记的参保人员，可通过公共就业服务窗口或网上申领失业保险金。", "区人力资源和社会保障局", "《失业保险条例》"),
        new("residence-permit", "居住证怎么申领？", "在本区居住半年以上、有合法稳定就业或住所的，可到居住地派出所或社区服务站申领居住证。", "区公安分局", "《居住证暂行条例》"),
        new("marriage", "办理结婚登记需要哪些材料？", "双方须共同到婚姻登记机关，提交本人居民身份证和无配偶及无禁止结婚亲属关系的签字声明。", "区民政局婚姻登记处", "《婚姻登记条例》"),
    ];

    private static QaMatcher Matcher(QaMatcherOptions? options = null) => new(Base, Plain, options);

    private static IReadOnlyList<QaUnit> Units(string text, QaMatcherOptions? options = null) =>
        new QaAnalyzer(Plain, options ?? QaMatcherOptions.Default).Analyze(text).Units;

    [Theory]
    [InlineData("请问一下，我想问问居住证怎么办理啊？", new[] { "居住证" })]
    [InlineData("居住证可以在网上申领吗", new[] { "居住证", "网上", "申领" })]
    [InlineData("是否需要本人到场呢", new[] { "本人", "到场" })]
    [InlineData("能不能补领吧", new[] { "补领" })]
    public void Question_forms_are_removed_and_the_content_words_kept(string question, string[] expected) =>
        Assert.Equal(expected, Units(question).Select(u => u.Text));

    [Theory]
    [InlineData("要带啥", "#材料")]
    [InlineData("去哪办", "#地点")]
    [InlineData("多久能办好", "#时间")]
    [InlineData("多少钱", "#费用")]
    [InlineData("补贴一个月领多少", "#标准")]
    public void Colloquial_intent_words_become_intents(string question, string intent) =>
        Assert.Contains(intent, Units(question).Select(u => u.Text));

    [Fact]
    public void Intent_words_written_out_are_kept_and_meet_the_colloquial_form()
    {
        // 哪些材料 is read as the intent; 材料 written on its own is both the word and the intent.
        Assert.Equal(["#材料"], Units("需要哪些材料").Select(u => u.Text));
        var unit = Assert.Single(Units("申领所需材料"), u => u.Text == "材料");
        Assert.Contains(unit.Alternatives, a => a.Words.SequenceEqual(["材料"]));
        Assert.Contains(unit.Alternatives, a => a.Words.SequenceEqual(["#材料"]));
        // The entry side offers the intent where its text says so.
        var entry = new QaAnalyzer(Plain, QaMatcherOptions.Default).Analyze("需提供户口簿和出生医学证明", intentTriggers: true);
        Assert.True(entry.Features.ContainsKey("#材料"));
    }

    [Fact]
    public void Question_forms_do_not_cut_words_apart()
    {
        // 怎么办理: not 怎么办 + 理; 吧 stays inside 网吧.
        Assert.DoesNotContain("理", Units("居住证怎么办理").Select(u => u.Text));
        Assert.Contains("网吧", Units("网吧营业需要哪些许可").Select(u => u.Text));
    }

    [Fact]
    public void A_colloquial_question_finds_the_entry_written_in_official_words()
    {
        var m = Matcher();
        // Issue 13: 孩子 → 子女, 上学 → 入学, 要带啥 → 材料.
        var matches = m.Match("孩子上学要带啥");
        Assert.Equal("enrol-materials", matches[0].Id);
        Assert.True(matches[0].IsGood, $"{matches[0].Score}");
        // The intent tells the two entries about school entry apart.
        Assert.Equal("enrol-time", m.Match("孩子上学什么时候报名")[0].Id);
        // Without the dictionary and the question forms, the same words find nothing confident.
        var bare = Matcher(new QaMatcherOptions { PlainLanguage = false, QuestionForms = false }).Match("孩子上学要带啥");
        Assert.True(bare.Count == 0 || !bare[0].IsGood || bare[0].Id != "enrol-materials");
    }

    [Theory]
    [InlineData("在外地看病花的钱怎么报销", "remote-care")]       // 看病 → 就医, 外地 → 异地
    [InlineData("我爷爷的高龄补贴每个月啥时候领钱", "age-allowance")] // 领钱 → 发放
    [InlineData("老人优待证去哪办证", "senior-card")]              // 办证 → 申领, 老人 → 老年人
    [InlineData("家里没房子能申请公租房吗", "public-rental")]       // 房子 → 住房, 公租房 → 公共租赁住房
    [InlineData("身份证掉了咋办", "id-lost")]                      // 掉了 → 丢失, 咋办 is a question form
    [InlineData("失业金怎么领", "unemployment")]                  // 失业金 → 失业保险金
    public void Citizens_words_reach_the_units_words(string question, string expected)
    {
        var matches = Matcher().Match(question);
        Assert.True(matches.Count > 0 && matches[0].Id == expected,
            $"{question}: " + string.Join(", ", matches.Select(x => $"{x.Id} {x.Score:0.00}")));
        // The bridge is what makes the match strong: without the dictionary the same entry scores lower (or not at all).
        var without = Matcher(new QaMatcherOptions { PlainLanguage = false }).Match(question).FirstOrDefault(x => x.Id == expected);
        Assert.True(matches[0].Score > (without?.Score ?? 0), $"{question}: {matches[0].Score:0.00} vs {without?.Score:0.00} without the dictionary");
    }

    [Fact]
    public void An_entry_written_colloquially_is_found_by_an_official_question()
    {
        var entries = Base.Append(new QaEntry("colloquial", "孩子上户口要带啥？", "带上出生医学证明、父母的户口簿和身份证，到派出所办理。", "区公安分局", "《中华人民共和国户口登记条例》")).ToList();
        var m = new QaMatcher(entries, Plain);
        var matches = m.Match("新生儿出生登记需要提供哪些材料");
        Assert.Equal("colloquial", matches[0].Id);
    }

    [Fact]
    public void Traditional_and_full_width_text_is_analysed_as_simplified()
    {
        var m = Matcher();
        var simplified = m.Match("居民身份证丢失了怎么补领？");
        var traditional = m.Match("居民身份證丟失了怎麼補領？");
        var fullWidth = m.Match("居民身份证丢失了怎么补领？　ＯＫ");
        Assert.Equal("id-lost", simplified[0].Id);
        Assert.Equal(simplified.Select(x => (x.Id, x.Score)), traditional.Select(x => (x.Id, x.Score)));
        Assert.Equal("id-lost", fullWidth[0].Id);
        // And an entry written in traditional characters is found by a simplified question.
        var t = new QaMatcher(Base.Append(new QaEntry("trad", "殘疾人證怎麼辦理？", "向戶籍所在地街道殘聯提出申請。")), Plain);
        Assert.Equal("trad", t.Match("残疾人证怎么办理")[0].Id);
    }

    [Theory]
    [InlineData("身份 证 丢了 怎么 补领")]
    [InlineData("  身份证丢了怎么补领\t\n")]
    [InlineData("身份证　丢了　怎么补领")]
    public void Spaces_typed_between_Chinese_words_do_not_matter(string question) =>
        Assert.Equal(Matcher().Match("身份证丢了怎么补领").Select(x => (x.Id, x.Score)), Matcher().Match(question).Select(x => (x.Id, x.Score)));

    [Fact]
    public void Repeated_punctuation_separates_but_does_not_hurt()
    {
        var matches = Matcher().Match("身份证，，丢了。。。怎么补领？？");
        Assert.Equal("id-lost", matches[0].Id);
        Assert.True(matches[0].IsGood);
    }

    [Fact]
    public void A_long_answer_is_read_to_its_end()
    {
        var answer = string.Concat(Enumerable.Repeat("参保人员应按规定办理相关手续。", 60)) + "办结后可申请电子凭证邮寄送达。";
        Assert.True(answer.Length > 800);
        var m = new QaMatcher(Base.Append(new QaEntry("long", "医保关系转移怎么办理？", answer)), Plain);
        Assert.Contains(m.Match("医保关系转移的电子凭证能邮寄吗"), x => x.Id == "long");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？！！")]
    [InlineData("请问一下吗？")]
    [InlineData("量子计算机")]
    public void Empty_form_only_or_unrelated_questions_match_nothing(string? question) =>
        Assert.Empty(Matcher().Match(question));

    [Fact]
    public void A_huge_question_is_cut_and_answered_like_its_beginning()
    {
        var m = Matcher();
        var start = "我想问一下居民身份证丢失了怎么补领，";
        var huge = start + new string('啊', 5000) + string.Concat(Enumerable.Repeat("失业保险金结婚登记公共租赁住房", 5000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var matches = m.Match(huge);
        watch.Stop();
        Assert.Equal(m.Match(huge[..QaMatcher.MaxQuestionLength]).Select(x => (x.Id, x.Score)), matches.Select(x => (x.Id, x.Score)));
        Assert.Equal("id-lost", matches[0].Id);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Top_is_bounded_and_scores_are_in_zero_to_one_best_first()
    {
        var m = new QaMatcher(QaJudgedSet.Entries, Plain);
        Assert.Empty(m.Match("身份证", 0));
        Assert.Empty(m.Match("身份证", -3));
        Assert.Single(m.Match("身份证", 1));
        Assert.True(m.Match("申请", 1000).Count <= QaMatcher.MaxTop);
        foreach (var q in QaJudgedSet.Questions)
        {
            var matches = m.Match(q.Question, 10);
            Assert.All(matches, x => Assert.InRange(x.Score, QaMatcher.MinScore, 1.0));
            Assert.Equal(matches.OrderByDescending(x => x.Score).Select(x => x.Score), matches.Select(x => x.Score));
        }
    }

    [Fact]
    public void A_rebuilt_matcher_reflects_edits_and_the_old_one_is_unchanged()
    {
        var before = Matcher();
        Assert.Empty(before.Match("港澳通行证续签"));
        var edited = Base.Where(e => e.Id != "id-lost")
            .Select(e => e.Id == "residence-permit" ? e with { Question = "港澳通行证怎么续签？", Answer = "可在出入境自助签注机或窗口办理续签。" } : e)
            .Append(new QaEntry("id-lost-2", "居民身份证遗失如何补办？", "到派出所户籍窗口申请补领。"))
            .ToList();
        var after = before.WithEntries(edited);

        Assert.Equal("residence-permit", after.Match("港澳通行证续签")[0].Id);
        Assert.DoesNotContain(after.Match("身份证丢了怎么补办"), x => x.Id == "id-lost");
        Assert.Equal("id-lost-2", after.Match("身份证丢了怎么补办")[0].Id);
        Assert.Equal(Base.Length, after.Count);
        // The first matcher still answers from the entries it was built with.
        Assert.Empty(before.Match("港澳通行证续签"));
        Assert.Equal("id-lost", before.Match("身份证丢了怎么补办")[0].Id);
        Assert.Same(before.Options, after.Options);
    }

    [Fact]
    public void Ids_must_be_present_and_unique()
    {
        Assert.Throws<ArgumentException>(() => new QaMatcher([Base[0], Base[0] with { Question = "另一个问题" }], Plain));
        Assert.Throws<ArgumentException>(() => new QaMatcher([Base[0] with { Id = " " }], Plain));
        Assert.Empty(new QaMatcher([], Plain).Match("身份证"));
    }

    [Fact]
    public void Questions_the_base_cannot_answer_get_no_confident_answer()
    {
        var m = new QaMatcher(QaJudgedSet.Entries, Plain);
        // Near misses: they share the action (补办, 过户, 打疫苗) with an entry, not the subject.
        foreach (var q in new[] { "护照丢了怎么补办", "二手车过户要带什么", "宠物狗打疫苗去哪里打", "商标注册流程是什么" })
        {
            var matches = m.Match(q);
            Assert.True(matches.Count == 0 || !matches[0].IsGood, $"{q}: {matches[0].Id} {matches[0].Score:0.00}");
        }
    }

    [Fact]
    public void Matching_is_safe_from_several_threads()
    {
        var m = new QaMatcher(QaJudgedSet.Entries, Plain);
        var questions = QaJudgedSet.Questions.Select(q => q.Question).ToList();
        var sequential = questions.Select(q => string.Join(",", m.Match(q).Select(x => $"{x.Id}:{x.Score}"))).ToList();
        var parallel = new string[questions.Count];
        Parallel.For(0, questions.Count, i => parallel[i] = string.Join(",", m.Match(questions[i]).Select(x => $"{x.Id}:{x.Score}")));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void A_base_of_thousands_of_entries_is_built_and_searched_quickly()
    {
        // A district's FAQ sheets together: a few thousand entries (the judged ones, each in 40 units' versions).
        var entries = Enumerable.Range(0, 40).SelectMany(k => QaJudgedSet.Entries.Select(e => e with { Id = $"{e.Id}-{k}", Unit = $"{e.Unit}{k}" })).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var m = new QaMatcher(entries, Plain);
        var build = watch.Elapsed;
        watch.Restart();
        var questions = QaJudgedSet.Questions.Take(50).ToList();
        foreach (var q in questions) m.Match(q.Question);
        var perQuestion = watch.Elapsed / questions.Count;
        output.WriteLine($"{entries.Count} entries: built in {build.TotalMilliseconds:0} ms, {perQuestion.TotalMilliseconds:0.0} ms per question");
        Assert.Equal(entries.Count, m.Count);
        // Loose bounds for a shared CI machine; measured well under them.
        Assert.True(build < TimeSpan.FromSeconds(30), $"build {build}");
        Assert.True(perQuestion < TimeSpan.FromMilliseconds(250), $"{perQuestion} per question");
        Assert.StartsWith("id-lost-", m.Match("身份证丢了怎么补领")[0].Id);
    }
}
