using Zwgk.Domain.Shared;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Ganss.Xss;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Units;

namespace Zwgk.Web.Features.Catalog.Admin;

/// <summary>Create (/admin/columns/new) and edit or move (/admin/columns/{id}/edit) a column.</summary>
[Authorize(Policy = Policies.ManageUnits)]
public sealed class EditModel(ZwgkDbContext db, AuditLog audit, CatalogService catalog, IOutputCacheStore cache, IHtmlSanitizer sanitizer, ColumnListingProjector listings) : AdminPageModel
{
    public sealed class ColumnInput
    {
        [Display(Name = "栏目名称")]
        [Required(ErrorMessage = "请输入栏目名称")]
        [StringLength(FieldLengths.ColumnName, ErrorMessage = "栏目名称不能超过{1}个字")]
        public string Name { get; set; } = "";

        [Display(Name = "栏目标识")]
        public string Slug { get; set; } = "";

        [Display(Name = "上级栏目")]
        public int? ParentId { get; set; }

        [Display(Name = "栏目类型")]
        public ColumnType Type { get; set; } = ColumnType.DocumentList;

        [Display(Name = "责任单位")]
        public int? OwnerUnitId { get; set; }

        [Display(Name = "更新周期（天）")]
        [Range(1, 3650, ErrorMessage = "更新周期应为1至3650天，不要求定期更新请留空")]
        public int? UpdateIntervalDays { get; set; }

        [Display(Name = "公开时限（工作日）")]
        [Range(1, 365, ErrorMessage = "公开时限应为1至365个工作日")]
        public int DisclosureTimeLimitWorkingDays { get; set; } = 20;

        [Display(Name = "法定依据")]
        [StringLength(FieldLengths.StatutoryBasis, ErrorMessage = "法定依据不能超过{1}个字")]
        public string? StatutoryBasis { get; set; }

        [Display(Name = "链接地址")]
        public string? ExternalUrl { get; set; }

        [Display(Name = "页面内容（HTML）")]
        public string? PageHtml { get; set; }

        [Display(Name = "栏目说明")]
        [StringLength(FieldLengths.ColumnDescription, ErrorMessage = "栏目说明不能超过{1}个字")]
        public string? Description { get; set; }

        [Display(Name = "关键词")]
        [StringLength(FieldLengths.ColumnKeywords, ErrorMessage = "关键词不能超过{1}个字")]
        public string? Keywords { get; set; }

        [Display(Name = "暂无信息说明")]
        [StringLength(FieldLengths.EmptyNotice, ErrorMessage = "暂无信息说明不能超过{1}个字")]
        public string? EmptyNotice { get; set; }

        [Display(Name = "属于政府信息公开专栏")]
        public bool IsDisclosureColumn { get; set; }

        [Display(Name = "排序号")]
        [Range(0, 1000000, ErrorMessage = "排序号应为0至1000000之间的整数")]
        public int SortOrder { get; set; }

        [Display(Name = "在网站上显示")]
        public bool IsVisible { get; set; } = true;
    }

    [BindProperty] public ColumnInput Input { get; set; } = new();
    public int? ColumnId { get; private set; }
    public int DocumentCount { get; private set; }
    public int ChildCount { get; private set; }
    public List<SelectListItem> Parents { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public bool IsNew => ColumnId is null;

    public async Task<IActionResult> OnGetAsync(int? id, int? parentId, CancellationToken ct)
    {
        if (id is int existing)
        {
            var c = await db.Columns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (c is null) return NotFound();
            ColumnId = c.Id;
            Input = new ColumnInput
            {
                Name = c.Name, Slug = c.Slug, ParentId = c.ParentId, Type = c.Type, OwnerUnitId = c.OwnerUnitId, UpdateIntervalDays = c.UpdateIntervalDays,
                DisclosureTimeLimitWorkingDays = c.DisclosureTimeLimitWorkingDays, StatutoryBasis = c.StatutoryBasis, ExternalUrl = c.ExternalUrl,
                PageHtml = c.PageHtml, Description = c.Description, Keywords = c.Keywords, EmptyNotice = c.EmptyNotice,
                IsDisclosureColumn = c.IsDisclosureColumn, SortOrder = c.SortOrder, IsVisible = c.IsVisible,
            };
        }
        else if (parentId is int p && await db.Columns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) is { } parent)
        {
            // A new sub-column inherits the parent's owner, disclosure flag and time limit.
            Input.ParentId = parent.Id;
            Input.OwnerUnitId = parent.OwnerUnitId;
            Input.IsDisclosureColumn = parent.IsDisclosureColumn;
            Input.DisclosureTimeLimitWorkingDays = parent.DisclosureTimeLimitWorkingDays;
            Input.StatutoryBasis = parent.StatutoryBasis;
        }
        if (IsNew) Input.SortOrder = (await db.Columns.MaxAsync(x => (int?)x.SortOrder, ct) ?? 0) + 1;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Column? column = null;
        if (id is int existing)
        {
            column = await db.Columns.FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (column is null) return NotFound();
            ColumnId = column.Id;
        }

        Input.Name = (Input.Name ?? "").Trim();
        Input.Slug = (Input.Slug ?? "").Trim();
        Input.ExternalUrl = Blank(Input.ExternalUrl);
        if (ColumnRules.CheckSlug(Input.Slug) is { } slugError) ModelState.AddModelError("Input.Slug", slugError);
        if (!Enum.IsDefined(Input.Type)) ModelState.AddModelError("Input.Type", "请选择栏目类型");
        if (Input.Type == ColumnType.ExternalLink && ColumnRules.CheckExternalUrl(Input.ExternalUrl) is { } urlError)
            ModelState.AddModelError("Input.ExternalUrl", urlError);

        var all = await db.Columns.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Slug, c.Name }).ToListAsync(ct);
        if (Input.ParentId is int parentId)
        {
            if (all.All(c => c.Id != parentId)) ModelState.AddModelError("Input.ParentId", "所选上级栏目不存在");
            else if (ColumnId is int self && UnitRules.CreatesCycle(self, parentId, all.ToDictionary(c => c.Id, c => c.ParentId)))
                ModelState.AddModelError("Input.ParentId", "上级栏目不能是本栏目或本栏目的子栏目");
        }
        if (Input.Slug.Length > 0 && all.FirstOrDefault(c => c.Id != ColumnId && c.ParentId == Input.ParentId && c.Slug == Input.Slug) is { } clash)
            ModelState.AddModelError("Input.Slug", $"同一上级栏目下已有标识为“{Input.Slug}”的栏目（{clash.Name}）");
        if (Input.OwnerUnitId is int ownerId && !await db.Units.AnyAsync(u => u.Id == ownerId, ct))
            ModelState.AddModelError("Input.OwnerUnitId", "所选单位不存在");
        if (ColumnId is int cid && Input.Type != ColumnType.DocumentList && await db.DocumentColumns.AnyAsync(dc => dc.ColumnId == cid, ct))
            ModelState.AddModelError("Input.Type", "该栏目下已有文件，只能是“文件列表”类型；请先把文件移到其他栏目");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var rawHtml = Input.PageHtml ?? "";
        var safeHtml = string.IsNullOrWhiteSpace(rawHtml) ? null : sanitizer.Sanitize(rawHtml);
        var creating = column is null;
        var names = all.ToDictionary(c => c.Id, c => c.Name);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var before = creating ? null : Snapshot(column!, names, unitNames);
        column ??= new Column();
        column.Name = Input.Name;
        column.Slug = Input.Slug;
        column.ParentId = Input.ParentId;
        column.Type = Input.Type;
        column.OwnerUnitId = Input.OwnerUnitId;
        column.UpdateIntervalDays = Input.UpdateIntervalDays;
        column.DisclosureTimeLimitWorkingDays = Input.DisclosureTimeLimitWorkingDays;
        column.StatutoryBasis = Blank(Input.StatutoryBasis);
        column.ExternalUrl = Input.Type == ColumnType.ExternalLink ? Input.ExternalUrl : null;
        column.PageHtml = safeHtml;
        column.Description = Blank(Input.Description);
        column.Keywords = Blank(Input.Keywords);
        column.EmptyNotice = Blank(Input.EmptyNotice);
        column.IsDisclosureColumn = Input.IsDisclosureColumn;
        column.SortOrder = Input.SortOrder;
        column.IsVisible = Input.IsVisible;
        if (creating) db.Columns.Add(column);
        await db.SaveChangesAsync(ct);

        var after = Snapshot(column, names, unitNames);
        var moved = before is not null && !Equals(before["上级栏目"], after["上级栏目"]);
        audit.Add(creating ? "column.create" : moved ? "column.move" : "column.update", "Column", column.Id,
            $"{(creating ? "新建" : moved ? "移动" : "修改")}栏目“{column.Name}”",
            before is null ? after.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => ((object?)null, kv.Value)) : AuditLog.Diff(before, after));
        await db.SaveChangesAsync(ct);
        // A moved column changes which ancestors list its documents.
        if (moved) await listings.RebuildAsync(ct);
        await ColumnCache.RefreshAsync(catalog, cache, ct);

        var cleaned = safeHtml is not null && Normalize(safeHtml) != Normalize(rawHtml);
        Flash = (creating ? $"已新建栏目“{column.Name}”" : $"已保存栏目“{column.Name}”") + (cleaned ? "。页面内容中的脚本、样式等不安全代码已被移除" : "");
        return Redirect($"/admin/columns#c{column.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await ColumnDeletion.DeleteAsync(db, audit, id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Ok)
        {
            await ColumnCache.RefreshAsync(catalog, cache, ct);
            Flash = "栏目已删除";
            return Redirect("/admin/columns");
        }
        Flash = result.Message;
        return Redirect($"/admin/columns/{id}/edit");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Normalize(string html) => string.Concat(html.Where(ch => !char.IsWhiteSpace(ch))).Replace("/>", ">").Replace("\"", "'");

    private static Dictionary<string, object?> Snapshot(Column c, IReadOnlyDictionary<int, string> names, IReadOnlyDictionary<int, string> units) => new()
    {
        ["名称"] = c.Name,
        ["标识"] = c.Slug,
        ["上级栏目"] = c.ParentId is int p ? names.GetValueOrDefault(p) : null,
        ["类型"] = c.TypeLabel,
        ["责任单位"] = c.OwnerUnitId is int u ? units.GetValueOrDefault(u) : null,
        ["更新周期（天）"] = c.UpdateIntervalDays,
        ["公开时限（工作日）"] = c.DisclosureTimeLimitWorkingDays,
        ["法定依据"] = c.StatutoryBasis,
        ["链接地址"] = c.ExternalUrl,
        // The page body can be long: the audit keeps its length and a fingerprint, enough to see that it changed.
        ["页面内容"] = c.PageHtml is null ? null : $"{c.PageHtml.Length}字符（指纹 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.PageHtml)))[..8]}）",
        ["栏目说明"] = c.Description,
        ["关键词"] = c.Keywords,
        ["暂无信息说明"] = c.EmptyNotice,
        ["公开专栏"] = c.IsDisclosureColumn ? "是" : "否",
        ["排序号"] = c.SortOrder,
        ["显示"] = c.IsVisible ? "是" : "否",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var columns = await db.Columns.AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId, c.SortOrder }).ToListAsync(ct);
        var parentOf = columns.ToDictionary(c => c.Id, c => c.ParentId);
        Parents = UnitRules.Flatten(columns, c => c.Id, c => c.ParentId, c => c.SortOrder)
            .Where(x => ColumnId is not int self || !UnitRules.CreatesCycle(self, x.Item.Id, parentOf))
            .Select(x => new SelectListItem(new string('\u3000', x.Depth) + x.Item.Name, x.Item.Id.ToString()))
            .ToList();
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId, u.SortOrder, u.IsActive }).ToListAsync(ct);
        Units = UnitRules.Flatten(units, u => u.Id, u => u.ParentId, u => u.SortOrder)
            .Where(x => x.Item.IsActive || x.Item.Id == Input.OwnerUnitId)
            .Select(x => new SelectListItem(new string('\u3000', x.Depth) + x.Item.Name, x.Item.Id.ToString()))
            .ToList();
        if (ColumnId is int id)
        {
            DocumentCount = await db.DocumentColumns.CountAsync(dc => dc.ColumnId == id, ct);
            ChildCount = await db.Columns.CountAsync(c => c.ParentId == id, ct);
        }
    }
}
