using System.Text.RegularExpressions;

namespace Zwgk.Web.Features.Units;

/// <summary>Validation of unit codes and of the unit tree (pure).</summary>
public static partial class UnitRules
{
    /// <summary>统一社会信用代码 alphabet: digits and capital letters except I, O, Z, S, V.</summary>
    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex("^[0-9A-Z]{9}$")]
    private static partial Regex OrganizationCodePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();

    /// <summary>Upper-cases and removes spaces; null when blank.</summary>
    public static string? NormalizeCreditCode(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace(" ", "").Trim().ToUpperInvariant();

    /// <summary>Upper-cases and drops the conventional hyphen (12345678-9 → 123456789); null when blank.</summary>
    public static string? NormalizeOrganizationCode(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace(" ", "").Replace("-", "").Trim().ToUpperInvariant();

    public static string? CheckCreditCode(string? normalized) =>
        normalized is null || CreditCodePattern().IsMatch(normalized) ? null
        : normalized.Length != 18 ? $"统一社会信用代码应为18位（当前{normalized.Length}位）"
        : "统一社会信用代码只能由数字和大写字母组成（不含 I、O、Z、S、V）";

    public static string? CheckOrganizationCode(string? normalized) =>
        normalized is null || OrganizationCodePattern().IsMatch(normalized) ? null
        : normalized.Length != 9 ? $"组织机构代码应为9位（当前{normalized.Length}位，可含一个连字符）"
        : "组织机构代码只能由数字和大写字母组成";

    public static string? CheckCode(string code) =>
        CodePattern().IsMatch(code) ? null : "单位编码为1至32位英文字母、数字、下划线或连字符";

    /// <summary>
    /// True when making <paramref name="parentId"/> the parent of <paramref name="unitId"/> would close a loop
    /// (the parent is the unit itself or one of its descendants). <paramref name="parentOf"/> maps every unit to its current parent.
    /// </summary>
    public static bool CreatesCycle(int unitId, int? parentId, IReadOnlyDictionary<int, int?> parentOf)
    {
        var seen = new HashSet<int>();
        for (var p = parentId; p is int current; p = parentOf.GetValueOrDefault(current))
        {
            if (current == unitId) return true;
            if (!seen.Add(current)) return true; // already looping
        }
        return false;
    }

    /// <summary>Depth-first order of a forest given as (id, parentId, sort) with the depth of each node; orphans are treated as roots.</summary>
    public static List<(T Item, int Depth)> Flatten<T>(IReadOnlyList<T> items, Func<T, int> id, Func<T, int?> parent, Func<T, int> sort)
    {
        var ids = items.Select(id).ToHashSet();
        var children = items.Where(i => parent(i) is int p && ids.Contains(p)).ToLookup(i => parent(i)!.Value);
        var result = new List<(T, int)>();
        var visited = new HashSet<int>();
        void Walk(T node, int depth)
        {
            if (!visited.Add(id(node))) return;
            result.Add((node, depth));
            foreach (var c in children[id(node)].OrderBy(sort).ThenBy(id)) Walk(c, depth + 1);
        }
        foreach (var root in items.Where(i => parent(i) is not int p || !ids.Contains(p)).OrderBy(sort).ThenBy(id)) Walk(root, 0);
        // Anything left is part of a loop in bad data; list it rather than hide it.
        foreach (var rest in items.Where(i => !visited.Contains(id(i))).OrderBy(sort)) Walk(rest, 0);
        return result;
    }
}
