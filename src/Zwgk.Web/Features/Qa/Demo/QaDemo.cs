using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Qa.Import;

namespace Zwgk.Web.Features.Qa.Demo;

/// <summary>
/// The demo site's 政策问答库: a FAQ sheet (DemoData/qa/faq.csv) imported and published as the command line would, so a
/// fresh start shows entries across topics; the 政务公开 ones rest on the demo's 信息公开制度 (linked both ways), and the
/// 户籍 ones name a unit the directory lacks, to show the 待确认单位 list. Runs only on an empty Q&amp;A base.
/// </summary>
public static class QaDemo
{
    public static async Task LoadAsync(IServiceProvider sp, string demoDirectory, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ZwgkDbContext>();
        if (await db.QaItems.AnyAsync(ct)) return;
        var path = Path.Combine(demoDirectory, "qa", "faq.csv");
        if (!File.Exists(path)) return;
        var summary = await sp.GetRequiredService<QaImportService>().ImportAsync(await File.ReadAllBytesAsync(path, ct), "演示问答.csv", publish: true,
            QaImporter.CommandLine with { Name = "演示数据" }, ct);
        if (summary.Errors.Count > 0)
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QaDemo)).LogWarning("Demo Q&A: {Count} rows not imported", summary.Errors.Count);
    }
}
