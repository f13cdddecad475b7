using System.Collections.Frozen;
using System.Text.Json;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>One colloquial → official mapping (通俗语言). <paramref name="Topic"/>: the 主题分类 (一级) it belongs to, in
/// the shipped dictionary (the back office groups terms by its own categories).</summary>
public sealed record PlainLanguageEntry(string Category, string Term, IReadOnlyList<string> Official, string? Topic = null);

/// <summary>Immutable lookup of colloquial terms; the application rebuilds it when an administrator edits the list.</summary>
public sealed class PlainLanguage
{
    private readonly FrozenDictionary<string, IReadOnlyList<string>> map;
    private readonly int maxLength;

    public static readonly PlainLanguage Empty = new([]);

    public PlainLanguage(IEnumerable<PlainLanguageEntry> entries)
    {
        var d = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var term = ChineseNormalizer.Normalize(e.Term.Trim());
            var official = e.Official.Select(o => ChineseNormalizer.Normalize(o.Trim())).Where(o => o.Length > 0 && o != term).Distinct().ToList();
            if (term.Length == 0 || official.Count == 0) continue;
            d[term] = official;
            maxLength = Math.Max(maxLength, term.Length);
        }
        map = d.ToFrozenDictionary(StringComparer.Ordinal);
        Count = map.Count;
    }

    public int Count { get; }

    /// <summary>The dictionary shipped with the product (≥ 500 reviewed pairs over every 主题分类), used to seed the database.</summary>
    public static IReadOnlyList<PlainLanguageEntry> LoadDefaultEntries()
    {
        using var stream = typeof(PlainLanguage).Assembly.GetManifestResourceStream("Zwgk.Search.Text.Data.plain-language.json")
            ?? throw new InvalidOperationException("plain-language.json is not embedded");
        var raw = JsonSerializer.Deserialize<List<RawEntry>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
        return raw.Select(r => new PlainLanguageEntry(r.Category ?? "", r.Term ?? "", r.Official ?? [], r.Topic)).ToList();
    }

    private sealed class RawEntry
    {
        public string? Category { get; set; }
        public string? Topic { get; set; }
        public string? Term { get; set; }
        public List<string>? Official { get; set; }
    }

    private (FrozenDictionary<string, string[]> Full, FrozenDictionary<string, string[]> Initials)? pinyinKeys;

    /// <summary>Colloquial and official terms whose joined pinyin (or initials) is <paramref name="key"/>.</summary>
    public IReadOnlyList<string> ByPinyin(string key, bool initials)
    {
        var keys = pinyinKeys ??= BuildPinyinKeys();
        return (initials ? keys.Initials : keys.Full).TryGetValue(key, out var terms) ? terms : [];
    }

    private (FrozenDictionary<string, string[]>, FrozenDictionary<string, string[]>) BuildPinyinKeys()
    {
        var full = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var initials = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (term, official) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var t in official.Prepend(term))
            {
                if (t.Any(c => c < '\u4E00' || c > '\u9FFF')) continue;
                var f = Pinyin.Default.FullPinyin(t);
                var i = Pinyin.Default.Initials(t);
                if (!(full.TryGetValue(f, out var lf) ? lf : full[f] = []).Contains(t)) full[f].Add(t);
                if (!(initials.TryGetValue(i, out var li) ? li : initials[i] = []).Contains(t)) initials[i].Add(t);
            }
        }
        return (full.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            initials.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Finds colloquial terms in normalised text, longest match first, left to right, without overlaps.
    /// Substring matching, not word matching: 生娃补贴 segments as 生/娃/补贴 but is still one term.</summary>
    public List<(int Start, int Length, IReadOnlyList<string> Official)> Find(ReadOnlySpan<char> text)
    {
        var found = new List<(int, int, IReadOnlyList<string>)>();
        if (map.Count == 0) return found;
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        while (i < text.Length)
        {
            int matched = 0;
            for (int len = Math.Min(maxLength, text.Length - i); len >= 2; len--)
            {
                if (lookup.TryGetValue(text.Slice(i, len), out var official))
                {
                    found.Add((i, len, official));
                    matched = len;
                    break;
                }
            }
            i += matched > 0 ? matched : 1;
        }
        return found;
    }
}
