using Zwgk.Domain.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Units;

/// <summary>Create (/admin/units/new) and edit (/admin/units/{id}/edit) a unit.</summary>
[Authorize(Policy = Policies.ManageUnits)]
public sealed class EditModel(ZwgkDbContext db, AuditLog audit, IOutputCacheStore cache) : AdminPageModel
{
    public sealed class UnitInput
    {
        [Display(Name = "单位编码")]
        [Required(ErrorMessage = "请输入单位编码")]
        public string Code { get; set; } = "";

        [Display(Name = "单位名称")]
        [Required(ErrorMessage = "请输入单位名称")]
        [StringLength(FieldLengths.UnitName, ErrorMessage = "单位名称不能超过{1}个字")]
        public string Name { get; set; } = "";

        [Display(Name = "简称")]
        [StringLength(FieldLengths.UnitShortName, ErrorMessage = "简称不能超过{1}个字")]
        public string? ShortName { get; set; }

        [Display(Name = "别名（每行一个）")]
        [StringLength(FieldLengths.UnitAliases, ErrorMessage = "别名合计不能超过{1}个字")]
        public string? Aliases { get; set; }

        [Display(Name = "单位类型")]
        public UnitKind Kind { get; set; } = UnitKind.Department;

        [Display(Name = "上级单位")]
        public int? ParentId { get; set; }

        [Display(Name = "统一社会信用代码")]
        public string? CreditCode { get; set; }

        [Display(Name = "组织机构代码")]
        public string? OrganizationCode { get; set; }

        [Display(Name = "排序号")]
        [Range(0, 100000, ErrorMessage = "排序号应为0至100000之间的整数")]
        public int SortOrder { get; set; }

        [Display(Name = "启用")]
        public bool IsActive { get; set; } = true;
    }

    [BindProperty] public UnitInput Input { get; set; } = new();
    public int? UnitId { get; private set; }
    public List<SelectListItem> Parents { get; private set; } = [];
    public List<SelectListItem> Kinds { get; } = Enum.GetValues<UnitKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
    public bool IsNew => UnitId is null;

    /// <param name="shortName">Prefill from the ledger's 待确认单位名称: the name as a work plan writes it.</param>
    public async Task<IActionResult> OnGetAsync(int? id, int? parentId, string? shortName, CancellationToken ct)
    {
        if (id is int existing)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == existing, ct);
            if (unit is null) return NotFound();
            UnitId = unit.Id;
            Input = new UnitInput
            {
                Code = unit.Code, Name = unit.Name, ShortName = unit.ShortName, Aliases = unit.Aliases, Kind = unit.Kind, ParentId = unit.ParentId,
                CreditCode = unit.CreditCode, OrganizationCode = unit.OrganizationCode, SortOrder = unit.SortOrder, IsActive = unit.IsActive,
            };
        }
        else
        {
            Input.ParentId = parentId is int p && await db.Units.AnyAsync(u => u.Id == p, ct) ? p : null;
            Input.SortOrder = (await db.Units.MaxAsync(u => (int?)u.SortOrder, ct) ?? 0) + 1;
            if (!string.IsNullOrWhiteSpace(shortName) && shortName.Trim().Length <= FieldLengths.UnitShortName) Input.ShortName = shortName.Trim();
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Unit? unit = null;
        if (id is int existing)
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == existing, ct);
            if (unit is null) return NotFound();
            UnitId = unit.Id;
        }

        Input.Code = (Input.Code ?? "").Trim();
        Input.Name = (Input.Name ?? "").Trim();
        Input.ShortName = string.IsNullOrWhiteSpace(Input.ShortName) ? null : Input.ShortName.Trim();
        // One alias per line, trimmed, without repeats; commas and 、 also separate (people paste lists).
        var aliases = Zwgk.Domain.Units.UnitAliases.Split(Input.Aliases).Distinct().ToList();
        Input.Aliases = aliases.Count == 0 ? null : string.Join('\n', aliases);
        Input.CreditCode = UnitRules.NormalizeCreditCode(Input.CreditCode);
        Input.OrganizationCode = UnitRules.NormalizeOrganizationCode(Input.OrganizationCode);

        if (Input.Code.Length > 0 && UnitRules.CheckCode(Input.Code) is { } codeError) ModelState.AddModelError("Input.Code", codeError);
        if (UnitRules.CheckCreditCode(Input.CreditCode) is { } ccError) ModelState.AddModelError("Input.CreditCode", ccError);
        if (UnitRules.CheckOrganizationCode(Input.OrganizationCode) is { } ocError) ModelState.AddModelError("Input.OrganizationCode", ocError);
        if (!Enum.IsDefined(Input.Kind)) ModelState.AddModelError("Input.Kind", "请选择单位类型");

        var all = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Name, u.ParentId, u.CreditCode }).ToListAsync(ct);
        var others = all.Where(u => u.Id != UnitId).ToList();
        if (Input.Code.Length > 0 && others.Any(u => string.Equals(u.Code, Input.Code, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.Code", $"单位编码“{Input.Code}”已被其他单位使用");
        if (Input.Name.Length > 0 && others.Any(u => u.Name == Input.Name))
            ModelState.AddModelError("Input.Name", $"单位名称“{Input.Name}”已存在");
        if (Input.CreditCode is not null && others.FirstOrDefault(u => u.CreditCode == Input.CreditCode) is { } sameCode)
            ModelState.AddModelError("Input.CreditCode", $"该统一社会信用代码已被“{sameCode.Name}”使用");
        if (Input.ParentId is int parentId)
        {
            if (all.All(u => u.Id != parentId)) ModelState.AddModelError("Input.ParentId", "所选上级单位不存在");
            else if (UnitId is int self && UnitRules.CreatesCycle(self, parentId, all.ToDictionary(u => u.Id, u => u.ParentId)))
                ModelState.AddModelError("Input.ParentId", "上级单位不能是本单位或本单位的下级单位");
        }
        if (!ModelState.IsValid)
        {
            await LoadParentsAsync(ct);
            return Page();
        }

        var creating = unit is null;
        var before = creating ? null : Snapshot(unit!, all.ToDictionary(u => u.Id, u => u.Name));
        unit ??= new Unit();
        unit.Code = Input.Code;
        unit.Name = Input.Name;
        unit.ShortName = Input.ShortName;
        unit.Aliases = Input.Aliases;
        unit.Kind = Input.Kind;
        unit.ParentId = Input.ParentId;
        unit.CreditCode = Input.CreditCode;
        unit.OrganizationCode = Input.OrganizationCode;
        unit.SortOrder = Input.SortOrder;
        unit.IsActive = Input.IsActive;
        if (creating) db.Units.Add(unit);
        await db.SaveChangesAsync(ct);

        var after = Snapshot(unit, all.ToDictionary(u => u.Id, u => u.Name));
        audit.Add(creating ? "unit.create" : "unit.update", "Unit", unit.Id, $"{(creating ? "新建" : "修改")}单位“{unit.Name}”",
            before is null ? after.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => ((object?)null, kv.Value)) : AuditLog.Diff(before, after), unit.Id);
        await db.SaveChangesAsync(ct);
        await cache.InvalidatePortalAsync(ct);
        Flash = creating ? $"已新建单位“{unit.Name}”" : $"已保存“{unit.Name}”";
        return Redirect("/admin/units");
    }

    private static Dictionary<string, object?> Snapshot(Unit u, IReadOnlyDictionary<int, string> names) => new()
    {
        ["编码"] = u.Code,
        ["名称"] = u.Name,
        ["简称"] = u.ShortName,
        ["别名"] = u.Aliases,
        ["类型"] = u.Kind.Label(),
        ["上级单位"] = u.ParentId is int p ? names.GetValueOrDefault(p) : null,
        ["统一社会信用代码"] = u.CreditCode,
        ["组织机构代码"] = u.OrganizationCode,
        ["排序号"] = u.SortOrder,
        ["状态"] = u.IsActive ? "启用" : "停用",
    };

    /// <summary>Parent choices as an indented tree, leaving out this unit and its descendants (they would form a loop).</summary>
    private async Task LoadParentsAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId, u.SortOrder, u.IsActive }).ToListAsync(ct);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        Parents = UnitRules.Flatten(units, u => u.Id, u => u.ParentId, u => u.SortOrder)
            .Where(x => UnitId is not int self || !UnitRules.CreatesCycle(self, x.Item.Id, parentOf))
            .Select(x => new SelectListItem(new string('\u3000', x.Depth) + x.Item.Name + (x.Item.IsActive ? "" : "（已停用）"), x.Item.Id.ToString()))
            .ToList();
    }
}
