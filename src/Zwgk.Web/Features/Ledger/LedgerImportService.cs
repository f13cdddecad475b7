using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Ledger;
using Zwgk.Domain.Shared;
using Zwgk.Import;
using Zwgk.Import.WorkPlans;
using Zwgk.Infrastructure.Data;
using Zwgk.Search.Text;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger;

/// <summary>A work plan read from a file, with every unit name's resolution beside it (never in its place).</summary>
public sealed record LedgerImportPreview(string FileName, ParsedWorkPlan Plan, int? Year, string Hash,
    IReadOnlyDictionary<string, UnitResolution> Resolutions, int? ExistingPlanId)
{
    /// <summary>Names a person must confirm or create (unresolved, ambiguous or descriptive), in document order.</summary>
    public IReadOnlyList<string> UnresolvedUnits => Plan.Tasks.SelectMany(t => t.LeadUnits.Concat(t.ResponsibleUnits)).Select(m => m.Name)
        .Distinct().Where(n => Resolutions.TryGetValue(n, out var r) && !r.IsResolved).ToList();

    /// <summary>The layout the importer found, in Chinese.</summary>
    public string LayoutLabel => LedgerImportService.LayoutLabel(Plan.Layout);

    public string? YearError => Year is null ? "无法从文件中确定工作要点的年度，请指定年度" : null;
}

/// <summary>
/// Reads a 工作要点 (text, markdown, HTML, .docx, PDF) with the import readers and limits, resolves unit names to the
/// directory, and saves the plan: sections, tasks, the names as written with their resolution, assignments for resolved
/// units, milestones. The same document imported twice finds the first plan instead of making a second.
/// </summary>
public sealed class LedgerImportService(ZwgkDbContext db, IOptions<ImportLimits> limits, TimeProvider clock, AuditLog audit)
{
    /// <exception cref="ImportRejectedException">The file is unreadable or over a limit (message in Chinese).</exception>
    /// <exception cref="NotSupportedException">The file type is not one the importer reads (message in Chinese).</exception>
    public async Task<LedgerImportPreview> PreviewAsync(Stream stream, string fileName, int? year, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        var plan = WorkPlanParser.Read(buffer, name, limits.Value, year, ChineseNormalizer.ToSimplified);
        var resolver = new UnitResolver(await DirectoryAsync(db, ct));
        var resolutions = new Dictionary<string, UnitResolution>(StringComparer.Ordinal);
        foreach (var m in plan.Tasks.SelectMany(t => t.LeadUnits.Concat(t.ResponsibleUnits)))
            if (!resolutions.ContainsKey(m.Name)) resolutions[m.Name] = resolver.Resolve(m.Name);
        var existing = await db.WorkPlans.Where(p => p.SourceHash == hash).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return new LedgerImportPreview(name, plan, plan.Year ?? year, hash, resolutions, existing);
    }

    /// <summary>The unit directory as the resolver sees it (aliases one per line).</summary>
    public static async Task<List<DirectoryUnit>> DirectoryAsync(ZwgkDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Code, u.Name, u.ShortName, u.Kind, u.Aliases, u.IsActive }).ToListAsync(ct);
        return units.Select(u => new DirectoryUnit(u.Id, u.Code, u.Name, u.ShortName, u.Kind, Zwgk.Domain.Units.UnitAliases.Split(u.Aliases), u.IsActive)).ToList();
    }

    public static string LayoutLabel(string? layout) => layout switch
    {
        "table" => "任务分工表",
        "list" => "带责任单位的任务清单",
        "paragraphs" => "正文段落（未见任务表）",
        _ => layout ?? "",
    };

    /// <summary>Saves the plan; returns its id (the earlier plan's when this very file was imported before).</summary>
    public async Task<(ServiceResult Result, bool Created)> SaveAsync(LedgerImportPreview preview, string actor, CancellationToken ct = default)
    {
        if (preview.ExistingPlanId is int existing) return (ServiceResult.Success(existing), false);
        if (preview.Year is not int year) return (ServiceResult.Invalid(preview.YearError!), false);
        if (year is < 2000 or > 2100) return (ServiceResult.Invalid("年度应在2000至2100之间"), false);
        if (preview.Plan.Tasks.Count == 0) return (ServiceResult.Invalid("没有从文件中识别出任何工作任务，请检查文件是否为工作要点（含任务分工表或带责任单位的任务清单）"), false);

        var now = clock.GetUtcNow();
        var title = preview.Plan.Title is { Length: > 0 } t ? t : $"{year}年政务公开工作要点";
        var plan = new WorkPlan
        {
            Year = year,
            Title = FieldLengths.Clip(title, FieldLengths.Title),
            SourceFileName = FieldLengths.Clip(preview.FileName, FieldLengths.FileName),
            SourceHash = preview.Hash,
            Layout = FieldLengths.Clip(preview.Plan.Layout, FieldLengths.WorkPlanLayout),
            ImportNotes = preview.Plan.Notes.Count == 0 ? null : FieldLengths.Clip(string.Join('\n', preview.Plan.Notes), FieldLengths.ImportNotes),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = FieldLengths.Clip(actor, FieldLengths.PersonName),
        };
        // Sections arrive parents first; keep their order and link children by the parser's index.
        var sections = new Dictionary<int, WorkPlanSection>();
        var order = 0;
        foreach (var s in preview.Plan.Sections.OrderBy(s => s.Index))
        {
            var section = new WorkPlanSection
            {
                Level = s.Level,
                Number = FieldLengths.Clip(s.Number, FieldLengths.SectionNumber),
                Title = FieldLengths.Clip(s.Title, FieldLengths.SectionTitle),
                Order = ++order,
                SourceLine = s.SourceLine,
            };
            sections[s.Index] = section;
            plan.Sections.Add(section);
        }
        db.WorkPlans.Add(plan);
        // Section ids (for parents and tasks) exist only after this save; everything goes in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var s in preview.Plan.Sections)
            if (s.ParentIndex is int p && sections.TryGetValue(p, out var parent)) sections[s.Index].ParentId = parent.Id;

        foreach (var pt in preview.Plan.Tasks.OrderBy(x => x.Order))
        {
            var task = new LedgerTask
            {
                PlanId = plan.Id,
                SectionId = pt.SectionIndex is int si && sections.TryGetValue(si, out var sec) ? sec.Id : null,
                Order = pt.Order,
                Number = pt.Number is null ? null : FieldLengths.Clip(pt.Number, FieldLengths.TaskNumber),
                Requirement = FieldLengths.Clip(pt.Requirement, FieldLengths.TaskRequirement),
                LeadUnitsText = UnitsText(pt.LeadUnits),
                ResponsibleUnitsText = UnitsText(pt.ResponsibleUnits),
                DeadlineText = pt.DeadlineText is null ? null : FieldLengths.Clip(pt.DeadlineText, FieldLengths.DeadlineText),
                DeadlineKind = pt.Deadline.Kind,
                DueOn = pt.Deadline.Date,
                Source = FieldLengths.Clip(pt.Source, FieldLengths.TaskSource),
                SourceLine = pt.SourceLine,
                BodyText = pt.BodyText is null ? null : FieldLengths.Clip(pt.BodyText, FieldLengths.TaskBodyText),
                BodyLine = pt.BodyLine,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var m in pt.Milestones)
                task.Milestones.Add(new TaskMilestone
                {
                    DueOn = m.Date,
                    Phrase = FieldLengths.Clip(m.Phrase, FieldLengths.MilestonePhrase),
                    Clause = FieldLengths.Clip(m.Clause, FieldLengths.MilestoneClause),
                });
            var mentionOrder = 0;
            var mentions = new List<(TaskUnitMention Mention, UnitResolution Resolution, bool Lead)>();
            foreach (var (m, lead) in pt.LeadUnits.Select(m => (m, true)).Concat(pt.ResponsibleUnits.Select(m => (m, false))))
            {
                var r = preview.Resolutions.TryGetValue(m.Name, out var found) ? found
                    : new UnitResolution(m.Name, ResolutionKind.Unresolved, [], [], "未解析");
                var mention = new TaskUnitMention
                {
                    Role = lead ? UnitRole.Lead : UnitRole.Responsible,
                    Order = ++mentionOrder,
                    Name = FieldLengths.Clip(m.Name, FieldLengths.MentionName),
                    Note = m.Note is null ? null : FieldLengths.Clip(m.Note, FieldLengths.MentionNote),
                    Resolution = r.Kind,
                    Explanation = FieldLengths.Clip(r.Explanation, FieldLengths.ResolutionExplanation),
                };
                task.Mentions.Add(mention);
                mentions.Add((mention, r, lead));
            }
            db.LedgerTasks.Add(task);
            await db.SaveChangesAsync(ct);
            // One assignment per unit: a unit named as lead and again as responsible (or through a collective name) carries it once.
            var byUnit = new Dictionary<int, TaskAssignment>();
            foreach (var (mention, r, lead) in mentions.Where(x => x.Resolution.IsResolved))
                foreach (var u in r.Units)
                {
                    if (byUnit.TryGetValue(u.Id, out var a)) { a.IsLead |= lead; continue; }
                    byUnit[u.Id] = new TaskAssignment { TaskId = task.Id, UnitId = u.Id, IsLead = lead, MentionId = mention.Id };
                }
            db.LedgerAssignments.AddRange(byUnit.Values);
        }
        audit.Add("ledger.import", "WorkPlan", plan.Id,
            $"导入工作要点《{plan.Title}》（{year}年，{preview.Plan.Tasks.Count}项任务，{preview.UnresolvedUnits.Count}个单位名称待确认）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (ServiceResult.Success(plan.Id), true);
    }

    private static string? UnitsText(IReadOnlyList<UnitMention> mentions) => mentions.Count == 0 ? null
        : FieldLengths.Clip(string.Join("、", mentions.Select(m => m.Name + m.Note)), FieldLengths.UnitsText);

    /// <summary>
    /// <c>{"title","year","layout","sections":N,"tasks":[{"section","requirement","leadUnits":[],"responsibleUnits":[],"deadline",
    /// "source",…}],"unresolvedUnits":[…],"resolutions":{name:{…}}}</c>. Names stay as written; their resolution is reported
    /// in <c>resolutions</c>, beside them.
    /// </summary>
    public static JsonObject ToJson(LedgerImportPreview p, int? planId = null)
    {
        var sectionsByIndex = p.Plan.Sections.ToDictionary(s => s.Index);
        string? Heading(int? index) => index is int i && sectionsByIndex.TryGetValue(i, out var s) ? s.Number + s.Title : null;
        JsonArray Path(int? index)
        {
            var chain = new List<string>();
            for (var i = index; i is int k && sectionsByIndex.TryGetValue(k, out var s); i = s.ParentIndex) chain.Insert(0, s.Number + s.Title);
            return new JsonArray(chain.Select(c => (JsonNode?)c).ToArray());
        }
        static JsonArray Names(IEnumerable<UnitMention> ms) => new(ms.Select(m => (JsonNode?)m.Name).ToArray());
        static JsonArray Notes(IEnumerable<UnitMention> ms) => new(ms.Where(m => m.Note != null).Select(m => (JsonNode?)new JsonObject { ["name"] = m.Name, ["note"] = m.Note }).ToArray());

        var tasks = new JsonArray();
        foreach (var t in p.Plan.Tasks.OrderBy(t => t.Order))
        {
            tasks.Add(new JsonObject
            {
                ["number"] = t.Number,
                ["section"] = Heading(t.SectionIndex),
                ["sectionPath"] = Path(t.SectionIndex),
                ["requirement"] = t.Requirement,
                ["measures"] = new JsonArray(t.Measures.Select(m => (JsonNode?)m).ToArray()),
                ["leadUnits"] = Names(t.LeadUnits),
                ["responsibleUnits"] = Names(t.ResponsibleUnits),
                ["unitNotes"] = Notes(t.LeadUnits.Concat(t.ResponsibleUnits)),
                ["deadline"] = t.Deadline.JsonValue,
                ["deadlineText"] = t.DeadlineText,
                ["milestones"] = new JsonArray(t.Milestones.Select(m => (JsonNode?)new JsonObject { ["date"] = m.Date.ToString("yyyy-MM-dd"), ["phrase"] = m.Phrase }).ToArray()),
                ["source"] = t.Source,
                ["sourceLine"] = t.SourceLine,
                ["bodyLine"] = t.BodyLine,
            });
        }
        var resolutions = new JsonObject();
        foreach (var (name, r) in p.Resolutions)
            resolutions[name] = new JsonObject
            {
                ["kind"] = r.Kind.ToString().ToLowerInvariant(),
                ["resolved"] = r.IsResolved,
                ["units"] = new JsonArray(r.Units.Select(u => (JsonNode?)new JsonObject { ["code"] = u.Code, ["name"] = u.Name }).ToArray()),
                ["candidates"] = new JsonArray(r.Candidates.Select(u => (JsonNode?)new JsonObject { ["code"] = u.Code, ["name"] = u.Name }).ToArray()),
                ["explanation"] = r.Explanation,
            };
        var json = new JsonObject
        {
            ["file"] = p.FileName,
            ["title"] = p.Plan.Title,
            ["year"] = p.Year,
            ["layout"] = p.Plan.Layout,
            ["sections"] = p.Plan.Sections.Count,
            ["tasks"] = tasks,
            ["unresolvedUnits"] = new JsonArray(p.UnresolvedUnits.Select(n => (JsonNode?)n).ToArray()),
            ["resolutions"] = resolutions,
            ["notes"] = new JsonArray(p.Plan.Notes.Select(n => (JsonNode?)n).ToArray()),
        };
        if (planId is int id) json["planId"] = id;
        return json;
    }
}
