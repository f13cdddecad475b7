using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Domain.Units;

namespace Zwgk.Domain.Ledger;

/// <summary>One unit of the directory as the resolver sees it.</summary>
public sealed record DirectoryUnit(int Id, string Code, string Name, string? ShortName, UnitKind Kind, IReadOnlyList<string> Aliases, bool IsActive = true)
{
    public static DirectoryUnit From(Unit unit, IEnumerable<string>? aliases = null) =>
        new(unit.Id, unit.Code, unit.Name, unit.ShortName, unit.Kind, (aliases ?? []).ToList(), unit.IsActive);
}

public enum ResolutionKind { Exact = 1, Alias = 2, Abbreviation = 3, Collective = 4, Ambiguous = 5, Unresolved = 6, Unspecified = 7 }

/// <summary>How one unit name written in a document maps to the directory. <see cref="Name"/> is always the name as given.</summary>
public sealed record UnitResolution(string Name, ResolutionKind Kind, IReadOnlyList<DirectoryUnit> Units,
    IReadOnlyList<DirectoryUnit> Candidates, string Explanation)
{
    public bool IsResolved => Kind is ResolutionKind.Exact or ResolutionKind.Alias or ResolutionKind.Abbreviation or ResolutionKind.Collective;

    /// <summary>A trailing qualifier that was set aside before resolving, e.g. "等有关部门单位" in "区财政局等有关部门（单位）".</summary>
    public string? Qualifier { get; init; }
}

/// <summary>
/// Resolves unit names as a 公开办 reader would: district prefix forms are equivalent (济南市市中区 / 市中区 / 区),
/// abbreviations keep the head and the unit-type word (区教体局 ⊂ 区教育和体育局), collective names expand by unit kind,
/// descriptive names ("有关部门") are left for a person to choose, and anything else stays unresolved with close candidates.
/// Input is expected to be split into single names and converted to simplified characters by the caller.
/// </summary>
public sealed class UnitResolver
{
    private const int MaxNameLength = 200;

    // Longest form first; the class is what must agree between an abbreviation and a full name.
    private static readonly (string Form, string Class)[] Suffixes = new (string, string)[]
    {
        ("街道办事处", "街道"), ("街道办", "街道"), ("街道", "街道"), ("办事处", "办事处"),
        ("镇人民政府", "镇"), ("镇政府", "镇"), ("镇", "镇"), ("人民政府", "政府"), ("政府", "政府"),
        ("管理委员会", "管委会"), ("管委会", "管委会"), ("委员会", "委员会"), ("委", "委员会"),
        ("办公室", "办公室"), ("办", "办公室"), ("分局", "分局"), ("局", "局"), ("中心", "中心"),
        ("人民医院", "医院"), ("医院", "医院"),
    }.OrderByDescending(s => s.Item1.Length).ToArray();

    private static readonly Regex SubdistrictsAndTowns = new(@"^(?:全区|区)?各镇(?:政府)?(?:和|及|与)?各?街(?:道)?(?:办事处|办)?$");
    private static readonly Regex AllSubdistricts = new(@"^(?:全区|区)?各街(?:道)?(?:办事处|办)?$");
    private static readonly Regex AllTowns = new(@"^(?:全区|区)?各镇(?:政府)?$");
    private static readonly Regex AllDepartments = new(@"^(?:(?:全区|区)各|区政府(?:直属)?各?|区直(?:属)?各?|各)(?:部门|部门单位|部门和单位|部门及单位)$|^区(?:政府|直)各单位$");
    private static readonly Regex AllPublicInstitutions = new(@"^(?:全区|区|区属)?各?公共企事业单位$");
    private static readonly Regex TrailingQualifier = new(@"^(?<unit>.+?)(?<q>等(?:\p{IsCJKUnifiedIdeographs}{0,10}?(?:部门单位|部门|单位|机构))?)$");
    private static readonly string[] VagueMarkers = ["有关", "相关", "涉及", "其他", "其它", "的"];
    private static readonly string[] GroupNouns = ["部门单位", "部门", "单位", "机构", "机关", "企业", "街道办事处", "街道办", "街道", "镇政府", "镇街", "镇"];

    private readonly List<DirectoryUnit> _units;
    private readonly List<Form> _forms = [];
    private readonly Dictionary<string, List<Form>> _byKey = new(StringComparer.Ordinal);
    private readonly char _head;
    private readonly List<string> _prefixForms = [];
    private readonly string? _city;
    private readonly Regex? _cityBranch;

    public UnitResolver(IEnumerable<DirectoryUnit> directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var all = directory.ToList();
        _units = all.Where(u => u.IsActive).ToList();

        // The prefix is a fact of the directory, not of this code: "济南市市中区人民政府" gives 济南市市中区 / 市中区 / 区.
        var government = all.Where(u => u.Kind == UnitKind.DistrictGovernment).OrderByDescending(u => u.IsActive).FirstOrDefault();
        DistrictPrefix = government is null ? null : DerivePrefix(Fold(government.Name));
        _head = '区';
        if (DistrictPrefix is { Length: > 1 })
        {
            var last = DistrictPrefix[^1];
            if (last is '区' or '县' or '旗') _head = last;
            var province = DistrictPrefix.IndexOf('省');
            var local = province >= 0 ? DistrictPrefix[(province + 1)..] : DistrictPrefix;
            _prefixForms.Add(DistrictPrefix);
            if (local != DistrictPrefix) _prefixForms.Add(local);
            var cityEnd = local.IndexOfAny(['市', '州', '盟']);
            if (cityEnd > 0 && cityEnd < local.Length - 2)
            {
                _city = local[..(cityEnd + 1)];
                _prefixForms.Add(local[(cityEnd + 1)..]);
                if (province >= 0) _city = DistrictPrefix[..(province + 1 + cityEnd + 1)];
            }
            _prefixForms.Sort((a, b) => b.Length.CompareTo(a.Length));
            var shortForm = _prefixForms[^1];
            if (shortForm.Length > 2)
                _cityBranch = new Regex($@"^市(?<bureau>\p{{IsCJKUnifiedIdeographs}}+?)局(?:{Regex.Escape(shortForm)}|{Regex.Escape(shortForm[..^1])})分局$");
        }

        foreach (var unit in _units)
        {
            AddForm(unit, unit.Name, FormKind.Name);
            if (!string.IsNullOrWhiteSpace(unit.ShortName)) AddForm(unit, unit.ShortName, FormKind.ShortName);
            foreach (var alias in unit.Aliases) if (!string.IsNullOrWhiteSpace(alias)) AddForm(unit, alias, FormKind.Alias);
        }
    }

    /// <summary>The district's full name without 人民政府 (e.g. 济南市市中区), or null when the directory has no district government.</summary>
    public string? DistrictPrefix { get; }

    public UnitResolution Resolve(string name)
    {
        name ??= "";
        var folded = Fold(name);
        if (folded.Length == 0) return Unresolved(name, [], "未匹配：名称为空");
        if (folded.Length > MaxNameLength) return Unresolved(name, [], $"未匹配：名称超过{MaxNameLength}个字，不像单位名称");

        var resolution = ResolveCore(name, Normalize(folded));
        if (resolution is not null) return resolution;

        // "区财政局等有关部门（单位）": the named unit is resolved, the qualifier is kept beside it.
        var qualified = TrailingQualifier.Match(folded);
        if (qualified.Success)
        {
            var unitPart = qualified.Groups["unit"].Value;
            var qualifier = qualified.Groups["q"].Value;
            var inner = ResolveCore(name, Normalize(unitPart)) ?? ResolveLoose(name, Normalize(unitPart));
            return inner with { Qualifier = qualifier, Explanation = $"{inner.Explanation}（“{qualifier}”为限定语，另行记录）" };
        }
        return ResolveLoose(name, Normalize(folded));
    }

    /// <summary>
    /// Folds writing variants: whitespace, full-width ASCII, brackets and punctuation. "区政府各部门（单位）" → "区政府各部门单位".
    /// Traditional characters are converted by the caller.
    /// </summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw;
            if (c == '\u3000') continue;
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char)(c - 0xFEE0);
            if (char.IsWhiteSpace(c) || char.IsControl(c)) continue;
            if ("()[]{}<>\"'`-_~·•‧.,;:!?/\\|*#【】〔〕〖〗「」『』《》〈〉“”‘’—–…：；，。！？".Contains(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ----- resolution steps -----

    private UnitResolution? ResolveCore(string name, string key)
    {
        if (_byKey.TryGetValue(key, out var hits))
        {
            var primary = hits.Where(f => f.Kind != FormKind.Alias).ToList();
            var chosen = primary.Count > 0 ? primary : hits;
            var units = chosen.Select(f => f.Unit).Distinct().ToList();
            if (units.Count > 1)
                return new(name, ResolutionKind.Ambiguous, [], units, $"无法唯一确定：{name} 同时对应{JoinNames(units)}，请人工选择");
            var unit = units[0];
            return chosen[0].Kind switch
            {
                FormKind.Name => new(name, ResolutionKind.Exact, [unit], [], $"全称一致：{name} → {unit.Name}"),
                FormKind.ShortName => new(name, ResolutionKind.Exact, [unit], [], $"简称一致：{name} → {unit.Name}"),
                _ => new(name, ResolutionKind.Alias, [unit], [], $"别名匹配（已确认）：{name} → {unit.Name}"),
            };
        }

        var group = key.Replace("人民政府", "政府");
        if (SubdistrictsAndTowns.IsMatch(group)) return Collective(name, [UnitKind.Town, UnitKind.Subdistrict], "镇人民政府和街道办事处");
        if (AllSubdistricts.IsMatch(group)) return Collective(name, [UnitKind.Subdistrict], "街道办事处");
        if (AllTowns.IsMatch(group)) return Collective(name, [UnitKind.Town], "镇人民政府");
        if (AllDepartments.IsMatch(group)) return Collective(name, [UnitKind.GovernmentOffice, UnitKind.Department], "区政府部门（单位）");
        if (AllPublicInstitutions.IsMatch(group)) return Collective(name, [UnitKind.PublicInstitution], "公共企事业单位");

        var noun = GroupNouns.FirstOrDefault(group.EndsWith);
        var outside = Parse(group).Head == '市' || group.StartsWith($"{_head}委", StringComparison.Ordinal);
        if (noun is not null && VagueMarkers.Any(group.Contains) && !TrailingQualifier.IsMatch(group)
            || noun is "部门" or "部门单位" && !outside && !TrailingQualifier.IsMatch(group))
        {
            // City-level or party organs ("市有关部门") are not in this directory: nothing to choose from here.
            var pool = outside ? [] : PoolFor(group, noun!);
            return new(name, ResolutionKind.Unspecified, [], pool,
                $"泛指名称：{name} 没有指明具体单位，需人工选择" + (pool.Count > 0 ? $"（可选范围：{KindsLabel(pool)}）" : ""));
        }
        return null;
    }

    private UnitResolution ResolveLoose(string name, string key)
    {
        var written = Parse(Canonical(key));
        if (written.Stem.Length > 0 || written.Suffix.Length > 0)
        {
            var scored = new List<(DirectoryUnit Unit, int Runs, int Skipped)>();
            foreach (var byUnit in _forms.Where(f => HeadsCompatible(written.Head, f.Head) && f.Suffix == written.Suffix).GroupBy(f => f.Unit))
            {
                (int Runs, int Skipped)? best = null;
                foreach (var form in byUnit)
                {
                    var score = Embed(written.Stem, form.Stem);
                    if (score is { } s && (best is null || Compare(s, best.Value) < 0)) best = s;
                }
                if (best is { } b) scored.Add((byUnit.Key, b.Runs, b.Skipped));
            }
            if (scored.Count > 0)
            {
                scored.Sort((x, y) => Compare((x.Runs, x.Skipped), (y.Runs, y.Skipped)));
                var top = scored.Where(s => s.Runs == scored[0].Runs && s.Skipped == scored[0].Skipped).Select(s => s.Unit).ToList();
                if (top.Count > 1)
                    return new(name, ResolutionKind.Ambiguous, [], top, $"无法唯一确定：{name} 可能是{JoinNames(top)}，请人工选择");
                var unit = top[0];
                var how = scored[0].Runs == 0 ? "写法不同：省略了“和”“人民”等字或前缀" : "按简称推断";
                return new(name, ResolutionKind.Abbreviation, [unit], [], $"简称匹配：{name} → {unit.Name}（{how}，请核对）");
            }
        }

        var candidates = Closest(written);
        var note = _cityBranch?.IsMatch(key) == true ? "（市级部门的派驻机构）"
            : written.Suffix == "分局" ? "（“分局”通常是市级部门的派驻机构）"
            : written.Head == '市' ? "（以“市”开头，通常是市级部门或其派驻机构）"
            : key.Length > 1 && key[0] == _head && key[1] == '委' ? "（党委机构通常不在政府单位目录中）" : "";
        var text = $"未匹配：{name} 不在单位目录中{note}" + (candidates.Count > 0 ? $"；相近单位：{JoinNames(candidates)}" : "") + "，请人工确认或新建单位";
        return Unresolved(name, candidates, text);
    }

    private UnitResolution Collective(string name, UnitKind[] kinds, string label)
    {
        var units = _units.Where(u => kinds.Contains(u.Kind)).ToList();
        var text = units.Count == 0
            ? $"集合名称：{name} → 单位目录中没有{label}，未展开任何单位"
            : $"集合名称：{name} → 全部{label}（{units.Count}个）";
        return new(name, ResolutionKind.Collective, units, [], text);
    }

    private List<DirectoryUnit> PoolFor(string group, string noun)
    {
        UnitKind[] kinds = noun switch
        {
            "街道办事处" or "街道办" or "街道" => [UnitKind.Subdistrict],
            "镇" or "镇政府" => [UnitKind.Town],
            "镇街" => [UnitKind.Town, UnitKind.Subdistrict],
            _ when group.Contains("企事业") => [UnitKind.PublicInstitution],
            "部门" or "部门单位" or "单位" or "机构" or "机关" => [UnitKind.GovernmentOffice, UnitKind.Department],
            _ => [],
        };
        return _units.Where(u => kinds.Contains(u.Kind)).ToList();
    }

    private List<DirectoryUnit> Closest(Parsed written)
    {
        if (written.Stem.Length == 0) return [];
        var scored = new List<(DirectoryUnit Unit, int Common, bool SameSuffix, int Length)>();
        foreach (var byUnit in _forms.GroupBy(f => f.Unit))
        {
            (int Common, bool SameSuffix, int Length)? best = null;
            foreach (var form in byUnit)
            {
                var common = CommonSubsequence(written.Stem, form.Stem);
                // Plausible: at least two characters in order, covering half of what was written.
                if (common < 2 || common * 2 < written.Stem.Length) continue;
                var s = (common, form.Suffix == written.Suffix, form.Stem.Length);
                if (best is null || s.common > best.Value.Common || (s.common == best.Value.Common && s.Item2 && !best.Value.SameSuffix)) best = s;
            }
            if (best is { } b) scored.Add((byUnit.Key, b.Common, b.SameSuffix, b.Length));
        }
        return scored.OrderByDescending(s => s.Common).ThenByDescending(s => s.SameSuffix).ThenBy(s => s.Length)
            .Take(3).Select(s => s.Unit).ToList();
    }

    // ----- name analysis -----

    private void AddForm(DirectoryUnit unit, string text, FormKind kind)
    {
        var key = Normalize(Fold(text));
        if (key.Length == 0) return;
        var parsed = Parse(Canonical(key));
        var form = new Form(unit, kind, key, parsed.Head, parsed.Stem, parsed.Suffix);
        _forms.Add(form);
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        list.Add(form);
    }

    /// <summary>
    /// A city bureau's branch in this district is written both ways: 市生态环境局市中分局 / 区生态环境分局,
    /// 济南市公安局市中区分局 / 区公安分局. Both become the district-headed form for comparison.
    /// </summary>
    private string Canonical(string key)
    {
        if (_cityBranch?.Match(key) is { Success: true } m) return $"{_head}{m.Groups["bureau"].Value}分局";
        return key;
    }

    /// <summary>Replaces any accepted district prefix by the bare head (区), and the city name by 市.</summary>
    private string Normalize(string folded)
    {
        foreach (var prefix in _prefixForms)
            if (folded.Length > prefix.Length && folded.StartsWith(prefix, StringComparison.Ordinal))
                return _head + folded[prefix.Length..];
        if (_city is not null && folded.Length > _city.Length && folded.StartsWith(_city, StringComparison.Ordinal))
            return "市" + folded[_city.Length..];
        return folded;
    }

    private Parsed Parse(string key)
    {
        char head = '\0';
        var rest = key;
        if (key.Length > 1 && key[0] == _head) { head = _head; rest = key[1..]; }
        // 市场监管局 / 市民中心 / 市容… begin with 市 without being city-level.
        else if (key.Length > 1 && key[0] == '市' && key[1] is not ('场' or '民' or '容')) { head = '市'; rest = key[1..]; }

        string suffix = "";
        foreach (var (form, cls) in Suffixes)
        {
            if (rest.EndsWith(form, StringComparison.Ordinal)) { suffix = cls; rest = rest[..^form.Length]; break; }
        }
        if (suffix.Length == 0 && rest.Length > 0) { suffix = rest[^1..]; rest = rest[..^1]; }

        // 和/与/及 and 人民 are dropped in everyday writing (区发展改革局 = 区发展和改革局); drop them on both sides.
        var stem = new StringBuilder(rest.Replace("人民", ""));
        for (int i = stem.Length - 1; i > 0; i--)
            if (stem[i] is '和' or '与' or '及') stem.Remove(i, 1);
        return new Parsed(head, stem.ToString(), suffix);
    }

    private bool HeadsCompatible(char written, char unit) => (written == '市') == (unit == '市');

    /// <summary>
    /// Embeds the written stem in the unit's stem as an ordered subsequence starting at the same character.
    /// Returns the fewest runs of skipped characters and the number skipped, or null when it does not embed.
    /// </summary>
    private static (int Runs, int Skipped)? Embed(string written, string full)
    {
        int m = written.Length, n = full.Length;
        if (m == 0) return n == 0 ? (0, 0) : null;
        if (m > n || written[0] != full[0]) return null;
        const int None = int.MaxValue;
        var prev = new int[n];
        Array.Fill(prev, None);
        prev[0] = 0;
        for (int i = 1; i < m; i++)
        {
            var cur = new int[n];
            Array.Fill(cur, None);
            for (int k = i; k < n; k++)
            {
                if (full[k] != written[i]) continue;
                for (int j = i - 1; j < k; j++)
                    if (prev[j] != None) cur[k] = Math.Min(cur[k], prev[j] + (k > j + 1 ? 1 : 0));
            }
            prev = cur;
        }
        int best = None;
        for (int j = 0; j < n; j++)
            if (prev[j] != None) best = Math.Min(best, prev[j] + (j < n - 1 ? 1 : 0));
        return best == None ? null : (best, n - m);
    }

    private static int Compare((int Runs, int Skipped) a, (int Runs, int Skipped) b) =>
        a.Runs != b.Runs ? a.Runs.CompareTo(b.Runs) : a.Skipped.CompareTo(b.Skipped);

    private static int CommonSubsequence(string a, string b)
    {
        var dp = new int[a.Length + 1, b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                dp[i, j] = a[i - 1] == b[j - 1] ? dp[i - 1, j - 1] + 1 : Math.Max(dp[i - 1, j], dp[i, j - 1]);
        return dp[a.Length, b.Length];
    }

    private static string? DerivePrefix(string governmentName)
    {
        foreach (var tail in new[] { "人民政府", "政府" })
            if (governmentName.EndsWith(tail, StringComparison.Ordinal) && governmentName.Length > tail.Length)
                return governmentName[..^tail.Length];
        return null;
    }

    private static UnitResolution Unresolved(string name, IReadOnlyList<DirectoryUnit> candidates, string text) =>
        new(name, ResolutionKind.Unresolved, [], candidates, text);

    private static string JoinNames(IEnumerable<DirectoryUnit> units) => string.Join("、", units.Select(u => u.Name));

    private static string KindsLabel(IEnumerable<DirectoryUnit> units) =>
        string.Join("、", units.Select(u => u.Kind).Distinct().Order().Select(k => k.Label()));

    private enum FormKind { Name, ShortName, Alias }

    private sealed record Form(DirectoryUnit Unit, FormKind Kind, string Key, char Head, string Stem, string Suffix);

    private readonly record struct Parsed(char Head, string Stem, string Suffix);
}
