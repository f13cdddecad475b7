using System.Globalization;
using System.Text;

namespace Zwgk.Domain.Ledger;

/// <summary>One unit's part in a task as the summary names it.</summary>
public sealed record LedgerSummaryUnit(string Name, LedgerStatus Status);

/// <summary>
/// What the summary needs of one task: its top-level section (一、…), its requirement, its status (the task's, or for a
/// unit's own report that unit's part), the units carrying it and the units as written (named when none was resolved).
/// <paramref name="MayBeNamed"/> false: the office keeps the task off the public pages (IsPublic), so the published report
/// counts it but does not quote it.
/// </summary>
public sealed record LedgerSummaryItem(string? TopSection, string Requirement, LedgerStatus Status, IReadOnlyList<LedgerSummaryUnit> Units,
    string? UnitsAsWritten = null, bool MayBeNamed = true);

/// <summary>
/// 政务公开工作要点落实情况 for the annual report (seed 001: 「将政务公开工作要点落实情况纳入政府信息公开工作年度报告予以公开」):
/// the year's counts, one sentence per top-level section, the unit's own tasks when the report is a unit's, and every
/// overdue task named with the units that owe it. Pure: the caller derives statuses (one home: LedgerSnapshot).
/// </summary>
public static class LedgerSummary
{
    /// <summary>Marker lines around the generated block, so a later insertion replaces it; the report renderer hides them.</summary>
    public const string BlockStart = "【工作要点落实情况·系统生成·开始】";
    public const string BlockEnd = "【工作要点落实情况·系统生成·结束】";

    /// <summary>Requirements are long (several numbered measures): the summary quotes their first clause.</summary>
    public const int RequirementBrief = 40;

    private const string OtherSection = "其他任务";

    public static string Compose(int year, IReadOnlyList<LedgerSummaryItem> items, string? unitName = null)
    {
        var sb = new StringBuilder();
        var subject = unitName is null ? $"{year}年政务公开工作要点共分解任务" : $"{year}年政务公开工作要点中，{unitName}承担任务";
        if (items.Count == 0)
        {
            sb.Append(unitName is null ? $"{year}年政务公开工作要点尚未分解任务。" : $"{year}年政务公开工作要点中，{unitName}未承担分解任务。");
            return sb.ToString();
        }

        var c = Count(items);
        sb.Append(subject).Append(items.Count.ToString(CultureInfo.InvariantCulture)).Append("项，")
          .Append(CountsText(c, always: true))
          .Append("（完成率").Append(Rate(c.Done, items.Count)).Append("）。");

        // Sections in the order the document has them (first appearance).
        var sections = items.GroupBy(i => Clean(i.TopSection) ?? OtherSection).ToList();
        if (sections.Count > 1 || sections[0].Key != OtherSection)
        {
            foreach (var g in sections)
            {
                var sc = Count(g.ToList());
                sb.Append('\n').Append(Quote(g.Key)).Append("方面，共").Append(g.Count().ToString(CultureInfo.InvariantCulture)).Append("项，")
                  .Append(CountsText(sc, always: false)).Append('。');
            }
        }

        if (unitName is not null)
        {
            var named = items.Where(i => i.MayBeNamed).ToList();
            if (named.Count > 0)
            {
                sb.Append('\n').Append("承担的任务：");
                for (var i = 0; i < named.Count; i++)
                {
                    sb.Append(i == 0 ? "" : "；").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('.')
                      .Append(Brief(named[i].Requirement)).Append('（').Append(named[i].Status.Label()).Append('）');
                }
                sb.Append('。');
            }
            if (named.Count < items.Count)
                sb.Append(named.Count > 0 ? "" : "\n").Append("另有").Append((items.Count - named.Count).ToString(CultureInfo.InvariantCulture)).Append("项不公开的任务未列出。");
        }

        var overdue = items.Where(i => i.Status == LedgerStatus.Overdue && i.MayBeNamed).ToList();
        if (overdue.Count > 0)
        {
            sb.Append('\n');
            foreach (var o in overdue)
            {
                var owing = o.Units.Where(u => u.Status == LedgerStatus.Overdue).Select(u => u.Name).Distinct().ToList();
                var names = owing.Count > 0 ? string.Join("、", owing)
                    : o.Units.Count > 0 ? string.Join("、", o.Units.Select(u => u.Name).Distinct())
                    : Clean(o.UnitsAsWritten);
                sb.Append('“').Append(Brief(o.Requirement)).Append('”');
                if (names is not null) sb.Append('（').Append(names).Append('）');
                sb.Append("尚未完成，正在督促整改。");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Puts <paramref name="generated"/> between the markers into <paramref name="text"/>: replaces an earlier generated
    /// block (start marker followed by an end marker), or appends after what the editor wrote. A start marker whose end was
    /// deleted is left alone (the text after it is the editor's), and the new block is appended.
    /// </summary>
    public static string InsertBlock(string? text, string generated)
    {
        var block = BlockStart + "\n" + generated.Trim() + "\n" + BlockEnd;
        var current = (text ?? "").Replace("\r\n", "\n");
        var start = current.IndexOf(BlockStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : current.IndexOf(BlockEnd, start + BlockStart.Length, StringComparison.Ordinal);
        if (start >= 0 && end >= 0)
            return current[..start] + block + current[(end + BlockEnd.Length)..];
        var body = current.TrimEnd();
        return body.Length == 0 ? block : body + "\n" + block;
    }

    /// <summary>A line that only marks the generated block (not printed or published).</summary>
    public static bool IsMarker(string line) => line.Trim() is BlockStart or BlockEnd;

    private sealed record Counts(int Done, int InProgress, int Awaiting, int NotStarted, int Overdue);

    private static Counts Count(IReadOnlyCollection<LedgerSummaryItem> items) => new(
        items.Count(i => i.Status == LedgerStatus.Done), items.Count(i => i.Status == LedgerStatus.InProgress),
        items.Count(i => i.Status == LedgerStatus.AwaitingVerification), items.Count(i => i.Status == LedgerStatus.NotStarted),
        items.Count(i => i.Status == LedgerStatus.Overdue));

    /// <summary>The year's sentence names every count (so they add up for a reader); section sentences only those above zero.</summary>
    private static string CountsText(Counts c, bool always)
    {
        var parts = new List<string>();
        void Add(string label, int n, bool show) { if (show) parts.Add($"{label}{n.ToString(CultureInfo.InvariantCulture)}项"); }
        Add("已完成", c.Done, always || c.Done > 0);
        Add("推进中", c.InProgress, always || c.InProgress > 0);
        Add("待核查", c.Awaiting, always || c.Awaiting > 0);
        // 未开始 is not in the usual wording; named only when some task has not moved, so the counts still add up.
        Add("未开始", c.NotStarted, c.NotStarted > 0);
        Add("逾期", c.Overdue, always || c.Overdue > 0);
        return string.Join("、", parts);
    }

    /// <summary>Completion rate: whole percent when exact, otherwise one decimal (83.3%).</summary>
    public static string Rate(int done, int total)
    {
        if (total == 0) return "0%";
        var pct = Math.Round(done * 100m / total, 1, MidpointRounding.AwayFromZero);
        return pct.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().TrimEnd('。', '；', ';', '：', ':');

    // Headings are quoted as a report quotes them (“一、深化重点领域信息公开”方面); the catch-all group is not a heading.
    private static string Quote(string heading) => heading == OtherSection ? heading : $"“{heading}”";

    /// <summary>The first line of the requirement, up to the first full stop or semicolon, at most <see cref="RequirementBrief"/> characters.</summary>
    public static string Brief(string requirement)
    {
        var line = requirement.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var stop = line.IndexOfAny(['。', '；', ';']);
        if (stop > 0) line = line[..stop];
        line = line.TrimEnd('，', ',', '：', ':');
        var runes = line.EnumerateRunes().ToList();
        return runes.Count <= RequirementBrief ? line : string.Concat(runes.Take(RequirementBrief).Select(r => r.ToString())) + "……";
    }
}
