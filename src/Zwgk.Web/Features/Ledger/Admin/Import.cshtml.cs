using Microsoft.AspNetCore.Mvc;
using Zwgk.Import;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>
/// Upload a 工作要点 (the office only). "预览" shows what was recognised without saving; "导入" saves the ledger and opens it.
/// The same file imported again opens the plan made the first time.
/// </summary>
[AttachmentUpload]
public sealed class ImportModel(LedgerImportService service, CurrentUser user) : AdminPageModel
{
    [BindProperty] public int? Year { get; set; }
    /// <summary>Preview first by default: a wrong year or an unrecognised table is seen before anything is saved.</summary>
    [BindProperty] public bool PreviewOnly { get; set; } = true;
    public LedgerImportPreview? Preview { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => user.CanManageLedger() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!user.CanManageLedger()) return Forbid();
        if (file is null || file.Length == 0) { Error = "请选择要导入的工作要点文件"; return Page(); }
        if (Year is int y && (y < 2000 || y > 2100)) { Error = "年度应在2000至2100之间"; return Page(); }
        if (!ImportFormats.IsSupported(file.FileName)) { Error = ImportFormats.UnsupportedMessage(file.FileName); return Page(); }
        try
        {
            await using var stream = file.OpenReadStream();
            Preview = await service.PreviewAsync(stream, file.FileName, Year, ct);
        }
        catch (Exception e) when (e is ImportRejectedException or NotSupportedException)
        {
            Error = e.Message;
            return Page();
        }
        if (PreviewOnly) return Page();
        var (result, created) = await service.SaveAsync(Preview, user.UserName ?? "", ct);
        if (!result.Ok) { Error = result.Message; return Page(); }
        Flash = created ? $"已导入：{Preview.Plan.Tasks.Count}项任务；{Preview.UnresolvedUnits.Count}个单位名称待确认" : "此文件已导入过，已打开原有的工作台账";
        return Redirect($"/admin/ledger/plans/{result.Id}");
    }
}
