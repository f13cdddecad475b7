using System.Collections.Frozen;
using Zwgk.Search.Analysis;
using Zwgk.Search.Query;
using Zwgk.Search.Text;

namespace Zwgk.Search.Qa;

/// <summary>One alternative way a unit is matched: all of its words (partial credit for some); official terms and the
/// sub-words of a long word count a little less than the words as written.</summary>
internal sealed record QaAlternative(string[] Words, double Factor)
{
    /// <summary>Set for the sub-words of a long word: the credit is the share of its characters the matched sub-words cover
    /// (二手 covers two thirds of 二手车), not the share of sub-words matched.</summary>
    public string? PartOf { get; init; }
}

/// <summary>Something asked (or, for an entry's question, something it is about): a word, a colloquial term with its
/// official alternatives, or an intent (#材料, #地点 …). <see cref="Weight"/> scales its base-dependent IDF.</summary>
/// <param name="WeighByFirst">The unit is as rare as its first alternative (a word as written), not as its sub-words:
/// 二手车 is not as common as 二手.</param>
internal sealed record QaUnit(string Text, QaAlternative[] Alternatives, double Weight, bool WeighByFirst = false);

/// <summary>The analysed form of a text: its units, its features (words found by search-mode segmentation, official terms
/// of the colloquial terms in it, intents) with counts, and the character bigrams of its content words.</summary>
internal sealed record QaText(IReadOnlyList<QaUnit> Units, IReadOnlyDictionary<string, int> Features, IReadOnlyCollection<string> Grams)
{
    public static readonly QaText Empty = new([], new Dictionary<string, int>(), []);
}

/// <summary>
/// The site search's analysis (<see cref="ChineseNormalizer"/>: traditional → simplified, full-width → ASCII, lowercase;
/// jieba segmentation by <see cref="Segmenter"/>; the plain-language dictionary) plus what questions need: question forms
/// removed and colloquial intent words mapped to the intents entries are written with. The same analysis is applied to
/// entries and to questions, so either side may be colloquial.
/// </summary>
internal sealed class QaAnalyzer
{
    /// <summary>Longer questions are cut: a rambling question keeps its point in the first few sentences, and the cap bounds the cost.</summary>
    public const int MaxQuestionLength = 200;

    /// <summary>Intent features start with this character, which analysis never produces from text.</summary>
    public const char IntentMark = '#';

    private const double SingleCharWeight = 0.4, IntentWeight = 0.4, LatinWeight = 0.6;
    private const double OfficialFactor = 0.9, SubWordFactor = 0.6;

    private readonly PlainLanguage plain;
    private readonly QaMatcherOptions options;

    public QaAnalyzer(PlainLanguage plain, QaMatcherOptions options)
    {
        this.plain = options.PlainLanguage ? plain : PlainLanguage.Empty;
        this.options = options;
    }

    // Question forms and intent phrases, matched as substrings of the normalised text, longest first. A value is the
    // intent the phrase asks for; null means the phrase is only the form of a question and is removed.
    private static readonly FrozenDictionary<string, string?> Patterns = BuildPatterns();
    private static readonly int MaxPatternLength = Patterns.Keys.Max(k => k.Length);

    private static FrozenDictionary<string, string?> BuildPatterns()
    {
        var d = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Add(string? intent, params string[] phrases) { foreach (var p in phrases) d[p] = intent; }
        // "怎么办" inside "怎么办理" must not leave "理" behind: the longer forms come first.
        Add(null, "怎么办理", "如何办理", "怎样办理", "咋办理", "怎么申请", "如何申请", "怎样申请");
        Add(null, "请问一下", "请问", "我想问一下", "我想问问", "我想问", "想问一下", "想问问", "想问", "问一下", "我想咨询", "想咨询一下",
            "咨询一下", "想了解一下", "了解一下", "您好", "你好", "老师好", "谢谢您", "谢谢你", "谢谢", "麻烦问一下", "麻烦",
            "怎么样", "怎么办", "怎么弄", "怎么搞", "怎么做", "怎么", "怎样", "如何", "咋办", "咋弄", "咋整", "咋搞", "咋",
            "为什么", "为啥", "什么样", "什么", "啥", "哪些", "哪个", "哪一个", "能不能", "能否", "可不可以", "可以", "是否",
            "是不是", "有没有", "需不需要", "要不要", "需要", "多少", "有哪些", "有什么", "有啥", "吗", "呢");
        Add("材料", "要带啥", "要带什么", "带啥", "带什么", "带哪些", "准备啥", "准备什么", "准备哪些", "什么材料", "啥材料",
            "哪些材料", "什么资料", "啥资料", "哪些资料", "什么证件", "啥证件", "哪些证件", "什么证明", "啥证明", "哪些证明", "要啥");
        Add("地点", "去哪办", "在哪办", "到哪办", "去哪里办", "在哪里办", "到哪里办", "哪里办", "哪儿办", "去哪里", "在哪里",
            "到哪里", "去哪儿", "在哪儿", "去哪", "在哪", "哪里", "哪儿", "什么地方", "啥地方", "哪个部门", "找谁", "向谁");
        Add("时间", "多久", "多长时间", "多少天", "几天", "几个月", "什么时候", "啥时候", "何时", "多少个工作日");
        Add("费用", "多少钱", "要钱", "交钱", "花钱", "掏钱", "收钱", "收不收费", "要不要钱", "花多少", "交多少", "缴多少", "交多少钱");
        Add("标准", "领多少", "补多少", "发多少", "给多少", "补贴多少");
        Add("条件", "什么条件", "啥条件", "哪些条件", "符合什么");
        Add("流程", "什么流程", "啥流程", "什么手续", "啥手续", "哪些手续", "什么程序", "怎么走");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Words written in entries that say what an entry's text offers (materials, places, time limits …).</summary>
    private static readonly FrozenDictionary<string, string> IntentTriggers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["材料"] = "材料", ["资料"] = "材料", ["证明"] = "材料", ["证件"] = "材料", ["提交"] = "材料", ["提供"] = "材料", ["携带"] = "材料", ["持"] = "材料", ["凭"] = "材料",
        ["地点"] = "地点", ["窗口"] = "地点", ["派出所"] = "地点", ["服务中心"] = "地点", ["网点"] = "地点", ["营业厅"] = "地点", ["服务站"] = "地点", ["大厅"] = "地点", ["所在地"] = "地点",
        ["时间"] = "时间", ["时限"] = "时间", ["期限"] = "时间", ["工作日"] = "时间", ["日内"] = "时间", ["期间"] = "时间", ["每年"] = "时间",
        ["费用"] = "费用", ["收费"] = "费用", ["免费"] = "费用", ["缴费"] = "费用", ["工本费"] = "费用", ["价格"] = "费用", ["不收取"] = "费用",
        ["标准"] = "标准", ["额度"] = "标准", ["金额"] = "标准", ["档次"] = "标准", ["比例"] = "标准",
        ["条件"] = "条件", ["符合"] = "条件", ["年满"] = "条件", ["资格"] = "条件",
        ["流程"] = "流程", ["程序"] = "流程", ["手续"] = "流程", ["步骤"] = "流程", ["审核"] = "流程", ["受理"] = "流程",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that name an intent when asked literally (需要哪些材料 asks for #材料).</summary>
    private static readonly FrozenDictionary<string, string> IntentWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["材料"] = "材料", ["资料"] = "材料", ["证件"] = "材料", ["地点"] = "地点", ["地址"] = "地点", ["时间"] = "时间", ["时限"] = "时间",
        ["期限"] = "时间", ["费用"] = "费用", ["收费"] = "费用", ["标准"] = "标准", ["条件"] = "条件", ["流程"] = "流程", ["手续"] = "流程",
        ["程序"] = "流程",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Function words and fillers of questions; the site search's stop words are among them.</summary>
    private static readonly FrozenSet<string> QaStopWords = new[]
    {
        "的", "了", "着", "过", "地", "得", "吗", "呢", "吧", "啊", "呀", "哦", "嘛", "么", "呗", "哈", "嗯", "和", "与", "及", "或", "在",
        "是", "有", "我", "你", "您", "他", "她", "它", "想", "要", "能", "会", "就", "都", "也", "还", "又", "去", "来", "到", "给", "把",
        "被", "让", "对", "从", "跟", "这", "那", "个", "些", "请", "问", "我们", "你们", "他们", "咱们", "自己", "一下", "这个", "那个",
        "这边", "那边", "这里", "那里", "现在", "的话", "还是", "或者", "如果", "但是", "因为", "所以", "已经", "一个", "还有", "然后",
        "知道", "请问", "老师", "咨询", "问问", "应该", "可能", "比较", "非常", "特别", "一直", "听说", "就是", "这样", "那样", "怎么",
        "如何", "怎样", "什么", "哪些", "哪个", "多少", "是否", "可以", "需要", "关于", "办理", "办", "弄", "搞", "整",
        // Every entry of a policy Q&A base is about a policy and a question: these say nothing about which one.
        "政策", "相关", "规定", "问题", "情况", "具体",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopWord(string word, bool qaForms) => qaForms ? QaStopWords.Contains(word) : QueryReader.IsStopWord(word);

    /// <summary>Normalised (the site search's folding) and capped.</summary>
    /// <summary>Entries' texts (answers) are cut far later: only to bound the cost of an absurd one.</summary>
    public const int MaxEntryTextLength = 20_000;

    /// <summary>Normalised (the site search's folding), capped, and spaces between Chinese characters removed: Chinese is
    /// written without them, so 社保 卡 is a typo of 社保卡 (a space between two Latin words stays).</summary>
    public static string Normalize(string? text, int maxLength = MaxQuestionLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length > maxLength) text = text[..maxLength];
        text = ChineseNormalizer.Normalize(text);
        if (!text.Contains(' ')) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && sb.Length > 0 && CharClass.IsHan(sb[^1]))
            {
                int j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                if (j < text.Length && CharClass.IsHan(text[j])) { i = j - 1; continue; }
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <param name="intentTriggers">Entries: words such as 提供/窗口/工作日 say which intents the text answers.</param>
    /// <param name="maxLength">Questions are cut at <see cref="MaxQuestionLength"/>; entries at <see cref="MaxEntryTextLength"/>.</param>
    /// <param name="withUnits">False for answers, units and bases: only their features and bigrams are matched.</param>
    public QaText Analyze(string? raw, bool intentTriggers = false, int maxLength = MaxQuestionLength, bool withUnits = true)
    {
        var text = Normalize(raw, maxLength);
        if (text.Length == 0) return QaText.Empty;
        var chars = text.ToCharArray();
        var units = new List<QaUnit>();
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        void Feature(string f) => features[f] = features.GetValueOrDefault(f) + 1;

        // 1. Colloquial terms of the dictionary, on the text as written (a term may contain a question word's characters).
        var terms = plain.Find(text);
        var inTerm = new bool[text.Length];
        foreach (var (start, length, _) in terms) for (int i = start; i < start + length; i++) inTerm[i] = true;

        // 2. Question forms removed, intent phrases replaced by their intent (outside dictionary terms).
        var intents = new List<string>();
        if (options.QuestionForms)
        {
            var patterns = Patterns.GetAlternateLookup<ReadOnlySpan<char>>();
            int i = 0;
            while (i < chars.Length)
            {
                int matched = 0;
                if (!inTerm[i])
                {
                    for (int len = Math.Min(MaxPatternLength, chars.Length - i); len >= 1; len--)
                    {
                        if (patterns.TryGetValue(text.AsSpan(i, len), out var intent)
                            && !inTerm.AsSpan(i, len).Contains(true))
                        {
                            if (intent is not null && !intents.Contains(intent)) intents.Add(intent);
                            matched = len;
                            break;
                        }
                    }
                }
                if (matched > 0) { for (int k = i; k < i + matched; k++) chars[k] = ' '; i += matched; }
                else i++;
            }
        }
        var content = new string(chars);

        // 3. Words (jieba's precise mode, as the site search reads queries); a colloquial term is one unit of alternatives.
        var words = new List<Word>();
        Segmenter.Default.Cut(content, words);
        var emitted = new bool[terms.Count];
        foreach (var w in words)
        {
            var wt = content.Substring(w.Start, w.Length);
            int hit = terms.FindIndex(x => w.Start < x.Start + x.Length && w.End > x.Start);
            if (hit >= 0)
            {
                if (!emitted[hit])
                {
                    emitted[hit] = true;
                    if (withUnits) units.Add(TermUnit(text.Substring(terms[hit].Start, terms[hit].Length), terms[hit].Official));
                }
                bool inside = w.Start >= terms[hit].Start && w.End <= terms[hit].Start + terms[hit].Length;
                if (inside || w.Length < 2) continue;
            }
            if (IsStopWord(wt, options.QuestionForms)) continue;
            if (options.QuestionForms && IntentWords.TryGetValue(wt, out var named))
            {
                intents.Remove(named); // asked literally and as a phrase: one unit, not two
                if (withUnits) units.Add(new QaUnit(wt, [new([wt], 1), new([IntentMark + named], 1)], IntentWeight));
                continue;
            }
            if (withUnits) units.Add(WordUnit(wt, w.Kind));
            if (w.Kind == WordKind.Han && w.Length >= 2)
                for (int k = 0; k + 1 < wt.Length; k++) grams.Add(wt.Substring(k, 2));
        }
        if (withUnits) foreach (var intent in intents) units.Add(new QaUnit(IntentMark + intent, [new([IntentMark + intent], 1)], IntentWeight));

        // 4. Features: search-mode words (the sub-words of long words too, as the site index holds them), the colloquial
        // terms and their official words (so an official question finds a colloquial entry), intents.
        var search = new List<Word>();
        Segmenter.Default.CutForSearch(content, search);
        foreach (var w in search)
        {
            var wt = content.Substring(w.Start, w.Length);
            if (IsStopWord(wt, options.QuestionForms)) continue;
            Feature(wt);
            if (intentTriggers && IntentTriggers.TryGetValue(wt, out var offered)) Feature(IntentMark + offered);
            if (options.QuestionForms && IntentWords.TryGetValue(wt, out var named)) Feature(IntentMark + named);
        }
        foreach (var (start, length, official) in terms)
        {
            Feature(text.Substring(start, length));
            foreach (var o in official)
            {
                Feature(o);
                search.Clear();
                Segmenter.Default.CutForSearch(o, search);
                foreach (var w in search)
                {
                    var wt = o.Substring(w.Start, w.Length);
                    if (!IsStopWord(wt, options.QuestionForms)) Feature(wt);
                }
            }
        }
        foreach (var intent in intents) Feature(IntentMark + intent);
        return new QaText(units, features, grams);
    }

    private static QaUnit WordUnit(string word, WordKind kind)
    {
        double weight = kind != WordKind.Han ? LatinWeight : word.Length == 1 ? SingleCharWeight : 1;
        var subWords = SubWords(word);
        return subWords.Length > 0
            ? new QaUnit(word, [new([word], 1), new(subWords, SubWordFactor) { PartOf = word }], weight, WeighByFirst: true)
            : new QaUnit(word, [new([word], 1)], weight);
    }

    /// <summary>Dictionary words of 2 and 3 characters inside a longer word (居民身份证: 居民, 身份, 身份证): partial credit
    /// when the other side has the shorter word.</summary>
    private static string[] SubWords(string word)
    {
        if (word.Length <= 2) return [];
        var list = new List<Word>();
        Segmenter.Default.CutForSearch(word, list);
        return list.Where(w => w.Length < word.Length).Select(w => word.Substring(w.Start, w.Length)).Distinct().ToArray();
    }

    private QaUnit TermUnit(string term, IReadOnlyList<string> official)
    {
        var own = ContentWords(term);
        var alternatives = new List<QaAlternative> { new(own, 1) };
        // A shorter colloquial word inside the term is bridged too (老人 in 失能老人补贴 → 老年人).
        for (int i = 0; i < own.Length; i++)
        {
            var inner = plain.Find(own[i]);
            if (inner.Count == 1 && inner[0].Start == 0 && inner[0].Length == own[i].Length && own[i] != term)
                foreach (var o in inner[0].Official)
                    alternatives.Add(new([.. own[..i], .. ContentWords(o), .. own[(i + 1)..]], OfficialFactor));
        }
        foreach (var o in official) alternatives.Add(new(ContentWords(o), OfficialFactor));
        return new QaUnit(term, alternatives.Where(a => a.Words.Length > 0).ToArray(), 1);
    }

    /// <summary>Words of a dictionary term; only particles are left out (个 in 个税 is part of the term).</summary>
    private static string[] ContentWords(string text)
    {
        var list = new List<Word>();
        Segmenter.Default.Cut(text, list);
        var words = list.Select(w => text.Substring(w.Start, w.Length)).ToList();
        var content = words.Where(w => !Particles.Contains(w)).ToArray();
        return content.Length > 0 ? content : words.ToArray();
    }

    private static readonly FrozenSet<string> Particles = new[] { "的", "了", "着", "过", "吗", "呢", "吧", "啊", "呀" }.ToFrozenSet(StringComparer.Ordinal);
}
