using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Zwgk.Import;
using Zwgk.Web.Features.Qa.Import;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Admin;

/// <summary>
/// Upload a unit's FAQ sheet (.csv/.xlsx). The 公开办 may publish on import; a unit's staff import into their own unit, and
/// the entries wait for a reviewer other than the importer. Rows with problems are listed, never stopping the rest.
/// </summary>
[AttachmentUpload] // request size follows Zwgk:MaxAttachmentMegabytes, refused in Chinese before the body is read
public sealed class ImportModel(QaImportService service, CurrentUser user, IOptions<ImportLimits> limits) : AdminPageModel
{
    [BindProperty] public bool Publish { get; set; }
    public QaImportSummary? Result { get; private set; }
    public string? Error { get; private set; }
    public bool IsOffice => user.SpansAllUnits;

    public IActionResult OnGet() => !user.CanWorkQa() ? NotFound() : user.CanWriteAny() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!user.CanWorkQa()) return NotFound();
        if (!user.CanWriteAny()) return Forbid();
        if (file is null || file.Length == 0) { Error = "请选择要导入的表格文件（.csv 或 .xlsx）"; return Page(); }
        if (!QaSheetReader.IsSupported(file.FileName)) { Error = $"不支持的文件类型：{Path.GetExtension(file.FileName)}（支持 .csv .xlsx）"; return Page(); }
        if (file.Length > limits.Value.MaxFileBytes) { Error = $"文件超过{limits.Value.MaxFileMegabytes}MB的上限"; return Page(); }
        try
        {
            using var buffer = new MemoryStream();
            await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
            Result = await service.ImportAsync(buffer.ToArray(), file.FileName, Publish && IsOffice, service.CurrentImporter(), ct);
        }
        catch (ImportRejectedException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
