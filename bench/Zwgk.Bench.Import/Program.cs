using System.Globalization;
using System.Text.Json;
using Zwgk.Bench.Import;

// Usage: Zwgk.Bench.Import DIR [DOCUMENTS]
// Writes an old-site folder for `import --site` and a filled column mapping next to it (bench/import/run.sh times the import).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Zwgk.Bench.Import DIR [DOCUMENTS=1000]");
    return 2;
}

var documents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
if (Directory.Exists(args[0])) Directory.Delete(args[0], recursive: true);
var site = OldSiteGenerator.Generate(args[0], documents);
var mapping = new Dictionary<string, object>
{
    ["栏目对应"] = OldSiteGenerator.Columns.Select(c => new Dictionary<string, object>
    {
        ["旧栏目"] = c.Crumb,
        ["新栏目"] = c.Slug == "tzgg" ? new[] { "政务动态 > 通知公告" } : ["政府信息公开 > 法定主动公开内容 > 政策文件 > 其他文件", "政策文件库"],
    }).ToList(),
};
File.WriteAllText(Path.Combine(args[0], "column-mapping.json"), JsonSerializer.Serialize(mapping, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true }));
Console.WriteLine($"{site.PageCount} pages: {site.Documents.Count} documents, {site.Duplicates.Count} copies, {site.NavigationPages.Count} navigation pages");
return 0;
