using System.Text.RegularExpressions;
using Zwgk.Domain.Documents;
using Zwgk.Search.Text;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>An application as the similarity sees it: what was asked for, and the group it may cluster within.</summary>
public sealed record SimilarityItem(int Id, int Group, string Title, string? Description, string? DocumentNumber);

/// <summary>The words of a text with their weights (see <see cref="RequestSimilarity"/>).</summary>
public sealed class WordSet
{
    public WordSet(IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> places)
    {
        Weights = weights;
        Total = weights.Values.Sum();
        Years = weights.Keys.Where(RequestSimilarity.IsYear).ToHashSet(StringComparer.Ordinal);
        Places = places;
    }

    public IReadOnlyDictionary<string, double> Weights { get; }
    public double Total { get; }
    public IReadOnlySet<string> Years { get; }
    /// <summary>Villages and communities named (the two characters before 村 or 社区: 柳树屯村 → 树屯).</summary>
    public IReadOnlySet<string> Places { get; }
}

/// <summary>
/// "Is this the same information?" for applications, on the words of the search library's analysis: text folded by
/// <see cref="ChineseNormalizer"/> and cut by the jieba <see cref="Segmenter"/> in search mode (long words with their
/// dictionary sub-words, so 征地补偿安置方案 meets 征地补偿 and 安置方案). The boilerplate of applications (申请, 公开,
/// 政府信息, 提供, 本人 …) and single characters are dropped. Each word weighs its information content in the jieba
/// dictionary, log(total / (frequency + 1)), squared: rare words — place names like 柳树屯, project names — decide, common
/// ones (方案, 情况) barely count. Similarity is the weighted Dice coefficient of the two word sets; texts naming different
/// years (2023 against 2024) or different villages/communities (南关村 against 柳树屯村) are different information whatever
/// else they share (the same 征地补偿安置方案 wording is used for every village). Two applications are the same
/// information when similarity reaches <see cref="Threshold"/> or they cite the same 文号; clusters are the connected
/// groups of that relation within a group (the unit: 条例第四十四条 speaks of applications to the same agency).
/// Measured by tests/Zwgk.Tests/Requests/AnalysisTests.cs on realistic texts.
/// </summary>
public static partial class RequestSimilarity
{
    public const double Threshold = 0.5;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "申请", "公开", "政府", "信息", "政府信息", "信息公开", "政府信息公开", "提供", "本人", "我们", "我", "贵单位", "贵局", "贵机关", "贵府", "单位",
        "相关", "有关", "关于", "文件", "材料", "复印件", "复印", "依据", "要求", "获取", "查询", "内容", "情况", "具体", "以及", "包括", "是否",
        "请求", "需要", "根据", "条例", "中华人民共和国", "依法", "一份", "全部", "所有", "电子版", "纸质版", "纸质", "电子", "邮寄", "方式",
        "特此", "谢谢", "希望", "能够", "进行", "其中", "该", "此", "上述", "等", "以下", "如下", "请", "予以", "全文", "原件", "文本",
        "村民", "居民", "市民", "申请人", "行政机关", "机关", "部门", "区政府", "人民政府", "区人民政府", "年度",
    };

    /// <summary>Weighted words of an application's 名称 and 描述.</summary>
    public static WordSet Words(string? title, string? description)
    {
        var text = ChineseNormalizer.Normalize($"{title}\n{description}");
        var words = new List<Word>();
        Segmenter.Default.CutForSearch(text, words);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            var s = text.Substring(w.Start, w.Length);
            var weight = Weight(s, w.Kind);
            if (weight > 0) result[s] = weight;
        }
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in PlacePattern().Matches(text))
        {
            var name = m.Groups[1].Value;
            // 农村, 乡村, 山村, 渔村 are kinds of place, not names.
            if (name[^1] is '农' or '乡' or '山' or '渔' or '新') continue;
            places.Add(name[^2..]);
        }
        return new WordSet(result, places);
    }

    [GeneratedRegex(@"([\u4e00-\u9fff]{2,3})(?:村|社区)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PlacePattern();

    /// <summary>0 for words that do not identify information; otherwise the squared information content.</summary>
    public static double Weight(string word, WordKind kind)
    {
        switch (kind)
        {
            case WordKind.Number:
                // Years identify the information (2023 vs 2024); small numbers (组, 号) a little; amounts and serials a little.
                return IsYear(word) ? 100 : word.Length <= 2 ? 16 : 36;
            case WordKind.Latin:
                return word.Length <= 1 ? 0 : 64;
            default:
                if (word.Length < 2 || StopWords.Contains(word)) return 0;
                var seg = Segmenter.Default;
                var ic = Math.Log((double)seg.TotalFrequency / (seg.Frequency(word) + 1));
                return ic * ic;
        }
    }

    public static bool IsYear(string word) => word.Length == 4 && (word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal))
        && word.All(char.IsAsciiDigit);

    /// <summary>Weighted Dice coefficient; 0 when both name years, or both name villages, and none is shared.</summary>
    public static double Similarity(WordSet a, WordSet b)
    {
        if (a.Total <= 0 || b.Total <= 0) return 0;
        if (a.Years.Count > 0 && b.Years.Count > 0 && !a.Years.Overlaps(b.Years)) return 0;
        if (a.Places.Count > 0 && b.Places.Count > 0 && !a.Places.Overlaps(b.Places)) return 0;
        var (small, large) = a.Weights.Count <= b.Weights.Count ? (a, b) : (b, a);
        double shared = 0;
        foreach (var (word, weight) in small.Weights)
            if (large.Weights.ContainsKey(word)) shared += weight;
        return 2 * shared / (a.Total + b.Total);
    }

    /// <summary>The 文号 in a comparable form (full-width brackets, no spaces), or null.</summary>
    public static string? NumberKey(string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(documentNumber)) return null;
        var n = DocumentNumber.Normalize(documentNumber);
        return n.IsValid && n.Value is { } v ? v : new string(documentNumber.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    /// <summary>Clusters of two or more items (ids), each sorted, largest clusters first; items never cluster across groups.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<SimilarityItem> items, double threshold = Threshold)
    {
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(int x, int y) { x = Find(x); y = Find(y); if (x != y) parent[Math.Max(x, y)] = Math.Min(x, y); }

        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Group))
        {
            var members = group.ToList();
            // Same 文号: the same document, however the request was worded.
            foreach (var same in members.Select(i => (i, key: NumberKey(items[i].DocumentNumber))).Where(x => x.key is not null).GroupBy(x => x.key))
            {
                var first = same.First().i;
                foreach (var (i, _) in same.Skip(1)) Union(first, i);
            }
            // Text similarity, comparing only pairs that share a word (an inverted index keeps this far below n²).
            var sets = members.ToDictionary(i => i, i => Words(items[i].Title, items[i].Description));
            var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var i in members)
                foreach (var word in sets[i].Weights.Keys)
                    (postings.TryGetValue(word, out var list) ? list : postings[word] = []).Add(i);
            var compared = new HashSet<(int, int)>();
            foreach (var list in postings.Values)
            {
                // A word in most applications (a district name) pairs everything with everything and decides nothing alone.
                if (list.Count > 200) continue;
                for (var x = 0; x < list.Count; x++)
                    for (var y = x + 1; y < list.Count; y++)
                    {
                        var pair = (list[x], list[y]);
                        if (!compared.Add(pair) || Find(pair.Item1) == Find(pair.Item2)) continue;
                        if (Similarity(sets[pair.Item1], sets[pair.Item2]) >= threshold) Union(pair.Item1, pair.Item2);
                    }
            }
        }
        return Enumerable.Range(0, items.Count).GroupBy(Find).Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<int>)g.Select(i => items[i].Id).Order().ToList())
            .OrderByDescending(c => c.Count).ThenBy(c => c[0]).ToList();
    }
}
