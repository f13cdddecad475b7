using Zwgk.Domain.Ledger;

namespace Zwgk.Import.WorkPlans;

/// <summary>
/// A 工作要点 as read: its title and year, how its tasks were laid out ("table" | "list" | "paragraphs"), the sections
/// (一、 / （一）) and the tasks, plus notes in Chinese on what the reader inferred (inherited cells, corrected shifts …).
/// </summary>
public sealed record ParsedWorkPlan(
    string? Title,
    int? Year,
    string Layout,
    IReadOnlyList<ParsedSection> Sections,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<string> Notes);

/// <summary>A heading: <see cref="Number"/> in full-width form ("一、", "（一）", empty when the heading had none);
/// <see cref="Index"/> is 1-based in document order; <see cref="SourceLine"/> is the 1-based line it was read from.</summary>
public sealed record ParsedSection(int Index, int? ParentIndex, int Level, string Number, string Title, int SourceLine);

/// <summary>
/// One task. <see cref="Number"/> is the 序号 or list number as written; <see cref="SectionIndex"/> the deepest section it
/// belongs to. <see cref="Requirement"/> holds numbered measures on separate lines, and <see cref="Measures"/> lists them
/// without their numbers. Unit names are as written (split, trimmed). <see cref="BodyText"/>/<see cref="BodyLine"/> link
/// the 正文 paragraph describing the same task when the task comes from the 附件 table.
/// </summary>
public sealed record ParsedTask(
    int Order,
    string? Number,
    int? SectionIndex,
    string Requirement,
    IReadOnlyList<string> Measures,
    IReadOnlyList<UnitMention> LeadUnits,
    IReadOnlyList<UnitMention> ResponsibleUnits,
    string? DeadlineText,
    TaskDeadline Deadline,
    IReadOnlyList<Milestone> Milestones,
    string Source,
    int SourceLine,
    string? BodyText,
    int? BodyLine);
