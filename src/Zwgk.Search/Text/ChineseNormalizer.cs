namespace Zwgk.Search.Text;

/// <summary>
/// Folds text to the form that is indexed and searched: traditional → simplified Chinese (OpenCC tables),
/// full-width ASCII → ASCII, ideographic space → space, letters → lowercase. Length-preserving: dst[i] corresponds
/// to src[i], so token offsets found in normalized text are offsets in the original.
/// </summary>
public static class ChineseNormalizer
{
    /// <summary>Normalized copy of <paramref name="text"/>; the same instance when nothing changes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Scan the way Normalize does and allocate only at the first change: most text is already normalized,
        // and common characters (一, 不, 大…) start identity phrases, so phrase starts alone prove nothing.
        var t = Tables.Instance;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (t.PhraseStart[c] && t.MatchPhrase(text, i) is { } target)
            {
                if (!text.AsSpan(i, target.Length).SequenceEqual(target)) break;
                i += target.Length;
            }
            else if (t.Map[c] == c) i++;
            else break;
        }
        if (i == text.Length) return text;
        return string.Create(text.Length, text, static (dst, src) => Normalize(src, dst));
    }

    /// <summary>
    /// Traditional → simplified only: unlike <see cref="Normalize(string)"/>, letters keep their case and full-width forms and
    /// the ideographic space stay as written (for text shown back to people, such as unit names read from a document).
    /// </summary>
    public static string ToSimplified(string text)
    {
        var folded = Normalize(text);
        if (ReferenceEquals(folded, text)) return text;
        return string.Create(text.Length, (text, folded), static (dst, s) =>
        {
            for (int i = 0; i < dst.Length; i++)
            {
                char c = s.text[i];
                bool widthOrCase = c is >= 'A' and <= 'Z' || c is >= '\uFF01' and <= '\uFF5E' || c == '\u3000';
                dst[i] = widthOrCase ? c : s.folded[i];
            }
        });
    }

    /// <summary>
    /// Writes the normalized form of <paramref name="src"/> to the first src.Length chars of <paramref name="dst"/>.
    /// <paramref name="dst"/> may be the same memory as <paramref name="src"/> (in-place).
    /// </summary>
    public static void Normalize(ReadOnlySpan<char> src, Span<char> dst)
    {
        if (dst.Length < src.Length) throw new ArgumentException("Destination is shorter than the source.", nameof(dst));
        var t = Tables.Instance;
        var map = t.Map;
        var phraseStart = t.PhraseStart;
        int i = 0;
        while (i < src.Length)
        {
            char c = src[i];
            if (phraseStart[c] && t.MatchPhrase(src, i) is { } target)
            {
                // Read the whole match before writing: in-place callers share src and dst.
                target.AsSpan().CopyTo(dst[i..]);
                i += target.Length;
                continue;
            }
            dst[i++] = map[c];
        }
    }

    private sealed class Tables
    {
        public static readonly Tables Instance = new();

        public readonly char[] Map = new char[65536];
        public readonly bool[] PhraseStart = new bool[65536];
        private readonly CharTrie _phrases;
        private readonly string?[] _phraseTarget; // per trie node

        private Tables()
        {
            var t2s = new char[65536];
            for (int c = 0; c < t2s.Length; c++) t2s[c] = (char)c;
            var chars = TextResources.ReadText("t2s-chars.txt.gz");
            TextResources.ForEachLine(chars, (start, len) =>
            {
                // Only single-unit → single-unit entries keep the length (a few map to supplementary characters).
                var line = chars.AsSpan(start, len);
                if (line.Length == 3 && line[1] == '\t') t2s[line[0]] = line[2];
            });

            for (int i = 0; i < Map.Length; i++)
            {
                char c = (char)i;
                if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
                else if (c == '\u3000') c = ' ';
                else c = t2s[c];
                Map[i] = char.ToLowerInvariant(c);
            }

            // Phrases (longest match first) fix characters whose conversion depends on context (乾燥 → 干燥, 乾隆 stays).
            // Entries that change the length cannot be applied without breaking offsets and are skipped.
            var text = TextResources.ReadText("t2s-phrases.txt.gz");
            var starts = new List<int>();
            var lengths = new List<int>();
            var targets = new List<string>();
            TextResources.ForEachLine(text, (start, len) =>
            {
                var line = text.AsSpan(start, len);
                int tab = line.IndexOf('\t');
                if (tab <= 0 || line.Length - tab - 1 != tab) return;
                starts.Add(start);
                lengths.Add(tab);
                targets.Add(line[(tab + 1)..].ToString());
            });
            int[] s = [.. starts], l = [.. lengths];
            var order = CharTrie.SortedUnique(text, s, l, s.Length);
            var keyNode = new int[s.Length];
            _phrases = CharTrie.Build(text, s, l, order, keyNode);
            _phraseTarget = new string?[_phrases.NodeCount];
            foreach (int k in order)
            {
                _phraseTarget[keyNode[k]] = targets[k];
                PhraseStart[text[s[k]]] = true;
            }
        }

        /// <summary>Target of the longest phrase starting at <paramref name="i"/>, or null.</summary>
        public string? MatchPhrase(ReadOnlySpan<char> src, int i)
        {
            string? best = null;
            int node = 0;
            for (int j = i; j < src.Length; j++)
            {
                node = _phrases.Child(node, src[j]);
                if (node == 0) break;
                best = _phraseTarget[node] ?? best;
            }
            return best;
        }
    }
}
