using Microsoft.AspNetCore.Mvc;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Import.Admin;

/// <summary>Upload files (<see cref="ImportFormats"/>); each becomes a draft in the user's unit with the elements found in its text.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(ImportService import, ZwgkDbContext db, AuditLog audit, CurrentUser me, ILogger<IndexModel> log) : AdminPageModel
{
    public const int MaxFileMegabytes = 20;
    public const long MaxFileBytes = MaxFileMegabytes * 1024L * 1024L;
    public const int MaxFiles = 20;
    public const long MaxRequestBytes = 110L * 1024 * 1024;

    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public List<ImportOutcome> Results { get; private set; } = [];
    public bool CanImport => me.CanEdit;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!me.CanEdit) return Forbid();
        var files = Files.Where(f => f.FileName.Length > 0).ToList();
        if (files.Count == 0) ModelState.AddModelError(nameof(Files), "请选择要导入的文件");
        else if (files.Count > MaxFiles) ModelState.AddModelError(nameof(Files), $"一次最多导入{MaxFiles}个文件（本次选择了{files.Count}个）");
        if (!ModelState.IsValid) return Page();

        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (!ImportFormats.IsSupported(name))
                Results.Add(Failed(name, ImportFormats.UnsupportedMessage(name)));
            else if (file.Length == 0)
                Results.Add(Failed(name, "文件为空"));
            else if (file.Length > MaxFileBytes)
                Results.Add(Failed(name, $"文件大小 {Formats.FileSize(file.Length)}，超过{MaxFileMegabytes}MB的限制"));
            else
            {
                try
                {
                    await using var stream = file.OpenReadStream();
                    Results.Add(await import.ImportAsync(stream, name, publish: false, unitId: null, demo: null, ct));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Import of {File} failed", name);
                    db.ChangeTracker.Clear();
                    Results.Add(Failed(name, "导入时发生错误，请检查文件内容后重试"));
                }
            }
        }

        var created = Results.Count(r => r.Error is null && !r.Duplicate);
        var duplicates = Results.Count(r => r.Duplicate);
        var failed = Results.Count(r => r.Error is not null);
        audit.Add("import.upload", "Import", null,
            $"上传导入{Results.Count}个文件：新建草稿{created}份，重复{duplicates}份，失败{failed}份（{string.Join("、", Results.Select(r => r.File))}）");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private static ImportOutcome Failed(string file, string error) => ImportService.Failed(file, error);

    /// <summary>Chinese name of a field listed in <see cref="ImportOutcome.Missing"/>.</summary>
    public static string FieldLabel(string field) => field switch
    {
        ImportCandidate.Fields.Title => "标题",
        ImportCandidate.Fields.DocumentNumber => "发文字号",
        ImportCandidate.Fields.IssuingAgency => "发文机关",
        ImportCandidate.Fields.WrittenOn => "成文日期",
        _ => field,
    };
}
