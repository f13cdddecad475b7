namespace Zwgk.Search.Text;

/// <summary>Tone-less pinyin syllables (ü written v) and the parser for Latin typed as pinyin.</summary>
internal static class PinyinSyllables
{
    // Every reading found in the character table (scripts/search-data), plus lue/nue, the common way to type lüe/nüe.
    private const string All =
        "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bu ca cai can cang cao ce " +
        "cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun " +
        "chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu " +
        "dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge " +
        "gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou " +
        "hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan " +
        "kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li " +
        "lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng " +
        "mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian niang niao nie " +
        "nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping " +
        "po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou " +
        "ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou " +
        "shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti " +
        "tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang " +
        "xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai " +
        "zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan " +
        "zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo lue nue";

    // Interjections without a vowel would compete with initials (“ng” = n + g), so the parser never reads them.
    private static readonly HashSet<string> s_consonantOnly = ["m", "n", "ng", "hm", "hng"];

    // Rare or dialect syllables: accepted, but lose ties against common ones (“lengan” → leng an over len gan).
    private static readonly HashSet<string> s_rare =
        ["biang", "cei", "chua", "den", "din", "dia", "fiao", "kei", "len", "lo", "nia", "nou", "nun", "rua", "tei", "wong", "yo", "zhei"];

    private const byte IsSyllableFlag = 1, IsPrefixFlag = 2, ParseSyllableFlag = 4, ParsePrefixFlag = 8, RareFlag = 16;

    // Syllables and all their prefixes → flags, with the canonical text of syllables (lue → lve).
    private static readonly Dictionary<string, (byte Flags, string Canonical)> s_table = Build();
    private static readonly Dictionary<string, (byte Flags, string Canonical)>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_table.GetAlternateLookup<ReadOnlySpan<char>>();

    internal static readonly string[] Letters = Enumerable.Range('a', 26).Select(c => ((char)c).ToString()).ToArray();

    private static Dictionary<string, (byte Flags, string Canonical)> Build()
    {
        var t = new Dictionary<string, (byte Flags, string Canonical)>(StringComparer.Ordinal);
        foreach (var s in All.Split(' '))
        {
            bool parse = !s_consonantOnly.Contains(s);
            string canonical = s switch { "lue" => "lve", "nue" => "nve", _ => s };
            byte own = (byte)(IsSyllableFlag | (parse ? ParseSyllableFlag : 0) | (s_rare.Contains(s) ? RareFlag : 0));
            t[s] = ((byte)((t.TryGetValue(s, out var e) ? e.Flags : 0) | own), canonical);
            for (int len = 1; len <= s.Length; len++)
            {
                var p = s[..len];
                t.TryGetValue(p, out var pe);
                t[p] = ((byte)(pe.Flags | IsPrefixFlag | (parse ? ParsePrefixFlag : 0)), pe.Canonical ?? p);
            }
        }
        return t;
    }

    private static byte Flags(ReadOnlySpan<char> s) => s_lookup.TryGetValue(s, out var e) ? e.Flags : (byte)0;

    public static bool IsSyllable(ReadOnlySpan<char> s) => (Flags(s) & IsSyllableFlag) != 0;

    public static bool IsPrefix(ReadOnlySpan<char> s) => (Flags(s) & IsPrefixFlag) != 0;

    /// <summary>Letters that can start a syllable as its initial consonant (y and w included, as typed).</summary>
    private static bool IsInitialLetter(char c) => c is >= 'a' and <= 'z' && !IsVowel(c) && c != 'v';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // Letters beyond this are not a pinyin query; also keeps every cost field below 1024.
    private const int MaxLetters = 400;

    /// <summary>
    /// Parses of <paramref name="latin"/>, best first, at most <paramref name="max"/>; empty when it is not pinyin.
    /// All returned parses have the fewest initials, then the fewest units; the rest are ordered by the pinyin
    /// convention that a syllable starting with a/o/e follows another only after an apostrophe (fangan → fan gan
    /// before fang an), then by rare syllables.
    /// </summary>
    public static List<PinyinUnit[]> Parse(string latin, bool allowPrefixLast, int max)
    {
        var results = new List<PinyinUnit[]>();
        if (max <= 0 || !Clean(latin, out var s, out var boundary)) return results;
        var parser = new Parser(s, boundary, allowPrefixLast);
        parser.Solve();
        parser.Enumerate(max, results);
        return results;
    }

    /// <summary>Lowercase letters (ü → v) and, per letter, whether a separator precedes it. False if not pinyin-like.</summary>
    private static bool Clean(string latin, out char[] letters, out bool[] boundary)
    {
        var l = new List<char>(latin.Length);
        var b = new List<bool>(latin.Length);
        bool sep = false;
        foreach (char raw in latin)
        {
            char c = raw is 'ü' or 'Ü' ? 'v' : char.ToLowerInvariant(raw);
            if (c is '\'' or ' ' or '-' or '’' or '\t') { sep = true; continue; }
            if (c is < 'a' or > 'z') { letters = []; boundary = []; return false; }
            b.Add(sep && l.Count > 0);
            l.Add(c);
            sep = false;
        }
        letters = [.. l];
        boundary = [.. b];
        return letters.Length is > 0 and <= MaxLetters;
    }

    private enum Kind : byte { Start, Syllable, Initial, Prefix }

    private readonly record struct Step(int Length, Kind Kind, string Text, long Cost);

    private sealed class Parser(char[] s, bool[] boundary, bool allowPrefixLast)
    {
        // Cost fields, most significant first; each stays below 1024.
        private const long Initial = 1L << 40, Unit = 1L << 30, VowelJoin = 1L << 20, Rare = 1L << 10, Prefix = 1;
        private const long Impossible = long.MaxValue;

        private readonly int _m = s.Length;
        private long[,] _best = new long[0, 0]; // [position, state at that position]

        private Kind StateAt(int p, Kind previous) => p == 0 || boundary[p] ? Kind.Start : previous;

        private int SegmentEnd(int p)
        {
            int e = p + 1;
            while (e < _m && !boundary[e]) e++;
            return e;
        }

        /// <summary>Units that can start at <paramref name="p"/> after a unit of kind <paramref name="state"/>.</summary>
        private IEnumerable<Step> Steps(int p, Kind state)
        {
            int end = SegmentEnd(p);
            bool vowelStart = s[p] is 'a' or 'e' or 'o';
            // After a lone initial a vowel would have been typed as part of that syllable: "report" is not r e p o r t.
            bool vowelBlocked = vowelStart && state == Kind.Initial;
            long join = vowelStart && state == Kind.Syllable ? VowelJoin : 0;
            for (int len = Math.Min(6, end - p); len >= 1; len--)
            {
                if (vowelBlocked) break;
                if (!s_lookup.TryGetValue(s.AsSpan(p, len), out var e)) continue;
                if ((e.Flags & ParseSyllableFlag) != 0)
                    yield return new Step(len, Kind.Syllable, e.Canonical, Unit + join + ((e.Flags & RareFlag) != 0 ? Rare : 0));
                else if (allowPrefixLast && len >= 2 && p + len == _m && (e.Flags & ParsePrefixFlag) != 0)
                    yield return new Step(len, Kind.Prefix, s.AsSpan(p, len).ToString(), Unit + join + Prefix);
            }
            if (IsInitialLetter(s[p]))
            {
                // zh/ch/sh typed as one unit count as one initial, indexed by its first letter.
                if (s[p] is 'z' or 'c' or 's' && p + 1 < end && s[p + 1] == 'h')
                    yield return new Step(2, Kind.Initial, Letters[s[p] - 'a'], Initial + Unit);
                yield return new Step(1, Kind.Initial, Letters[s[p] - 'a'], Initial + Unit);
            }
        }

        public void Solve()
        {
            _best = new long[_m + 1, 4];
            for (int k = 0; k < 4; k++) _best[_m, k] = 0;
            for (int p = _m - 1; p >= 0; p--)
            {
                for (int k = 0; k < 3; k++)
                {
                    var state = (Kind)k;
                    if (StateAt(p, state) != state) { _best[p, k] = Impossible; continue; } // unreachable combination
                    long best = Impossible;
                    foreach (var st in Steps(p, state))
                    {
                        long rest = Rest(p + st.Length, st.Kind);
                        if (rest != Impossible && st.Cost + rest < best) best = st.Cost + rest;
                    }
                    _best[p, k] = best;
                }
            }
        }

        private long Rest(int q, Kind after) => q == _m ? 0 : _best[q, (int)StateAt(q, after == Kind.Prefix ? Kind.Syllable : after)];

        /// <summary>Depth-first over parses that keep the optimal (initials, units), cheapest branch first.</summary>
        public void Enumerate(int max, List<PinyinUnit[]> results)
        {
            long best = _best[0, (int)Kind.Start];
            if (best == Impossible) return;
            const long primaryMask = ~(Unit - 1); // initials and units
            var path = new List<PinyinUnit>();
            var found = new List<(long Cost, PinyinUnit[] Units)>();
            int budget = 10_000; // pathological inputs (long runs of ambiguous syllables) stop early
            void Dfs(int p, Kind state, long spent)
            {
                if (found.Count >= 64 || budget-- <= 0) return;
                if (p == _m) { found.Add((spent, [.. path])); return; }
                var steps = new List<(Step Step, long Total)>();
                foreach (var st in Steps(p, state))
                {
                    long rest = Rest(p + st.Length, st.Kind);
                    if (rest == Impossible) continue;
                    long total = spent + st.Cost + rest;
                    if ((total & primaryMask) == (best & primaryMask)) steps.Add((st, total));
                }
                foreach (var (st, _) in steps.OrderBy(x => x.Total))
                {
                    path.Add(new PinyinUnit(st.Text, st.Kind == Kind.Initial, st.Kind == Kind.Prefix));
                    int q = p + st.Length;
                    Dfs(q, q < _m ? StateAt(q, st.Kind == Kind.Prefix ? Kind.Syllable : st.Kind) : Kind.Start, spent + st.Cost);
                    path.RemoveAt(path.Count - 1);
                }
            }
            Dfs(0, Kind.Start, 0);
            foreach (var (_, units) in found.OrderBy(f => f.Cost).Take(max)) results.Add(units);
        }
    }
}
