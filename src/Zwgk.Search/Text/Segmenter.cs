using System.Text;

namespace Zwgk.Search.Text;

/// <summary>
/// Chinese word segmentation with jieba's algorithm and dictionary (no HMM): for each run of Han characters, a
/// dictionary DAG and the maximum log-probability route computed right to left; same results as Python
/// <c>jieba.cut(s, HMM=False)</c> on Han text. ASCII letter runs and numbers become single words; punctuation,
/// spaces and symbols are dropped. Immutable and thread-safe; give it normalized text (<see cref="ChineseNormalizer"/>).
/// </summary>
public sealed class Segmenter
{
    private static readonly Lazy<Segmenter> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The jieba dictionary embedded in this assembly, loaded on first use.</summary>
    public static Segmenter Default => s_default.Value;

    private readonly CharTrie _trie;
    private readonly long[] _freq;     // per trie node; 0 = only a prefix of words
    private readonly double[] _logP;   // per trie node: log(freq) - log(total), NaN for prefixes
    private readonly long _total;
    private readonly double _unknownLogP; // a character missing from the dictionary counts as frequency 1

    [ThreadStatic] private static Scratch? t_scratch;

    private Segmenter(CharTrie trie, long[] freq, long total)
    {
        _trie = trie;
        _freq = freq;
        _total = total;
        WordCount = freq.Count(f => f > 0);
        // Same arithmetic as jieba (log(freq) - logtotal, then + route) so ties and near-ties resolve identically.
        double logTotal = Math.Log(total);
        _unknownLogP = Math.Log(1) - logTotal;
        _logP = new double[freq.Length];
        for (int n = 0; n < freq.Length; n++) _logP[n] = freq[n] > 0 ? Math.Log(freq[n]) - logTotal : double.NaN;
    }

    /// <summary>Number of words in the dictionary.</summary>
    public int WordCount { get; }

    /// <summary>Sum of all frequencies (jieba's total), the denominator of word probabilities.</summary>
    public long TotalFrequency => _total;

    public bool Contains(ReadOnlySpan<char> word) => Frequency(word) > 0;

    /// <summary>Dictionary frequency of <paramref name="word"/>; 0 when it is not a word.</summary>
    public long Frequency(ReadOnlySpan<char> word) => _freq[_trie.Find(word)]; // node 0 (root) has frequency 0

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="output"/>, in order.</summary>
    public void Cut(ReadOnlySpan<char> text, List<Word> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int n = text.Length, i = 0;
        while (i < n)
        {
            int j;
            switch (HanCharTable.Of(text[i]))
            {
                case HanCharTable.Latin:
                    j = i + 1;
                    while (j < n && char.IsAsciiLetter(text[j])) j++;
                    output.Add(new Word(i, j - i, WordKind.Latin));
                    i = j;
                    break;
                case HanCharTable.Digit:
                    j = i + 1;
                    while (true)
                    {
                        while (j < n && char.IsAsciiDigit(text[j])) j++;
                        if (j + 1 < n && text[j] == '.' && char.IsAsciiDigit(text[j + 1])) j += 2;
                        else break;
                    }
                    output.Add(new Word(i, j - i, WordKind.Number));
                    i = j;
                    break;
                case HanCharTable.Han:
                case HanCharTable.HighSurrogate:
                    int w = HanCharTable.HanWidth(text, i);
                    if (w == 0) { i++; break; } // emoji or unpaired surrogate
                    j = i + w;
                    while (j < n && (w = HanCharTable.HanWidth(text, j)) > 0) j += w;
                    CutHan(text, i, j, output);
                    i = j;
                    break;
                default:
                    i++;
                    break;
            }
        }
    }

    /// <summary>
    /// Like jieba's <c>cut_for_search</c>: each word, preceded (for words of more than 2 chars) by its dictionary
    /// sub-words of 2 chars and (for more than 3 chars) of 3 chars, so that searches for the parts match.
    /// </summary>
    public void CutForSearch(ReadOnlySpan<char> text, List<Word> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var words = (t_scratch ??= new Scratch()).Words;
        words.Clear();
        Cut(text, words);
        foreach (var w in words)
        {
            if (w.Kind == WordKind.Han && w.Length > 2)
            {
                for (int i = w.Start; i + 2 <= w.End; i++)
                    if (Frequency(text.Slice(i, 2)) > 0) output.Add(new Word(i, 2, WordKind.Han));
                if (w.Length > 3)
                    for (int i = w.Start; i + 3 <= w.End; i++)
                        if (Frequency(text.Slice(i, 3)) > 0) output.Add(new Word(i, 3, WordKind.Han));
            }
            output.Add(w);
        }
        words.Clear();
    }

    /// <summary>
    /// A new segmenter with extra words (unit names, colloquial terms…); this instance is unchanged. Words are
    /// normalized; a frequency ≤ 0 means "just enough to be cut as one word" (jieba's suggest_freq). As in jieba,
    /// each added frequency also increases the total. Only Han words affect segmentation.
    /// </summary>
    public Segmenter WithWords(IEnumerable<(string Word, long Frequency)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var buffer = new StringBuilder();
        var starts = new List<int>();
        var lengths = new List<int>();
        var freqs = new List<long>();
        _trie.Walk((node, key) =>
        {
            if (_freq[node] <= 0) return;
            starts.Add(buffer.Length);
            lengths.Add(key.Length);
            freqs.Add(_freq[node]);
            buffer.Append(key);
        });
        long total = _total;
        foreach (var (word, frequency) in words)
        {
            var w = ChineseNormalizer.Normalize((word ?? "").Trim());
            if (w.Length == 0) continue;
            long f = frequency > 0 ? frequency : SuggestFrequency(w);
            total += f;
            starts.Add(buffer.Length);
            lengths.Add(w.Length);
            freqs.Add(f);
            buffer.Append(w);
        }
        return Create(buffer.ToString(), [.. starts], [.. lengths], [.. freqs], total);
    }

    /// <summary>jieba's suggest_freq(word, tune=False): the smallest frequency that keeps the word in one piece.</summary>
    private long SuggestFrequency(string word)
    {
        var parts = new List<Word>();
        Cut(word, parts);
        double p = 1;
        foreach (var part in parts)
            p *= Math.Max(Frequency(word.AsSpan(part.Start, part.Length)), 1) / (double)_total;
        return Math.Max((long)(p * _total) + 1, Math.Max(Frequency(word), 1));
    }

    private void CutHan(ReadOnlySpan<char> text, int start, int end, List<Word> output)
    {
        var run = text[start..end];
        int n = run.Length;
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(n + 1);
        double[] best = scratch.Best;
        int[] last = scratch.Last;
        var logP = _logP;
        best[n] = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            // Every dictionary word starting at i is a DAG edge; keep the best route. ">=" keeps the longest word on
            // equal scores, as Python's max over (score, end) tuples does.
            double bestScore = double.NegativeInfinity;
            int bestEnd = -1;
            int node = 0;
            for (int j = i; j < n; j++)
            {
                node = _trie.Child(node, run[j]);
                if (node == 0) break;
                double lp = logP[node];
                if (double.IsNaN(lp)) continue;
                double score = lp + best[j + 1];
                if (score >= bestScore)
                {
                    bestScore = score;
                    bestEnd = j;
                }
            }
            if (bestEnd < 0)
            {
                // Not in the dictionary: a single character (both halves of a surrogate pair).
                bestEnd = i + 1 < n && char.IsHighSurrogate(run[i]) && char.IsLowSurrogate(run[i + 1]) ? i + 1 : i;
                bestScore = _unknownLogP + best[bestEnd + 1];
            }
            best[i] = bestScore;
            last[i] = bestEnd;
        }
        for (int i = 0; i < n;)
        {
            int e = last[i] + 1;
            output.Add(new Word(start + i, e - i, WordKind.Han));
            i = e;
        }
    }

    private static Segmenter LoadDefault()
    {
        var text = TextResources.ReadText("jieba-dict.txt.gz");
        var starts = new List<int>(360_000);
        var lengths = new List<int>(360_000);
        var freqs = new List<long>(360_000);
        long total = 0;
        TextResources.ForEachLine(text, (start, len) =>
        {
            var line = text.AsSpan(start, len);
            int sp = line.LastIndexOf(' ');
            if (sp <= 0) throw new InvalidDataException($"Bad jieba-dict line: {line}");
            long f = long.Parse(line[(sp + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            starts.Add(start);
            lengths.Add(sp);
            freqs.Add(f);
            total += f; // every line counts, duplicates too, exactly as jieba's total
        });
        return Create(text, [.. starts], [.. lengths], [.. freqs], total);
    }

    private static Segmenter Create(string buffer, int[] starts, int[] lengths, long[] freqs, long total)
    {
        var order = CharTrie.SortedUnique(buffer, starts, lengths, starts.Length);
        var keyNode = new int[starts.Length];
        var trie = CharTrie.Build(buffer, starts, lengths, order, keyNode);
        var nodeFreq = new long[trie.NodeCount];
        foreach (int k in order) nodeFreq[keyNode[k]] = Math.Max(freqs[k], 0);
        return new Segmenter(trie, nodeFreq, Math.Max(total, 1));
    }

    private sealed class Scratch
    {
        public double[] Best = new double[256];
        public int[] Last = new int[256];
        public readonly List<Word> Words = [];

        public void Ensure(int size)
        {
            if (Best.Length >= size) return;
            int n = Math.Max(size, Best.Length * 2);
            Best = new double[n];
            Last = new int[n];
        }
    }
}
