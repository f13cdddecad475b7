#:project ../../src/Zwgk.Search/Zwgk.Search.csproj
#:property PublishAot=false
// Q&A matcher build time for a base of N entries (default 2,000) with the shipped plain-language dictionary, as the web
// app's QaMatchService builds it after an edit; plus the time of one match on that base. Entries are the judged set's 80
// (tests/Zwgk.Search.Tests/Qa/Data/qa-entries.tsv) repeated with a varying district/year, so texts and vocabulary are realistic.
using System.Diagnostics;
using Zwgk.Search.Qa;
using Zwgk.Search.Query;

var n = args.Length > 0 ? int.Parse(args[0]) : 2000;
var dir = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory, "../../tests/Zwgk.Search.Tests/Qa/Data"));
if (!Directory.Exists(dir)) dir = Path.GetFullPath("tests/Zwgk.Search.Tests/Qa/Data");
var seed = File.ReadLines(Path.Combine(dir, "qa-entries.tsv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
string[] places = ["城区", "新区", "开发区", "高新区", "东部", "西部", "南部", "北部", "市中", "槐荫", "历下", "天桥", "长清", "章丘", "济阳", "莱芜", "钢城", "平阴", "商河", "历城", "起步区", "莱芜高新", "明水", "临港", "空港"];
var entries = new List<QaEntry>(n);
for (int i = 0; i < n; i++)
{
    var f = seed[i % seed.Count];
    var variant = i / seed.Count;
    var prefix = variant == 0 ? "" : $"{places[variant % places.Length]}{2020 + variant % 7}年";
    entries.Add(new QaEntry(i.ToString(), prefix + f[1], f[2], f[3], f[4], f.Length > 5 && f[5].Length > 0 ? f[5].Split('|') : null));
}
var plain = new PlainLanguage(PlainLanguage.LoadDefaultEntries());
new QaMatcher(entries.Take(50), plain).Match("社保卡丢了怎么办"); // warm up (segmenter dictionary, JIT)

var times = new List<double>();
QaMatcher? matcher = null;
for (int run = 0; run < 3; run++)
{
    var sw = Stopwatch.StartNew();
    matcher = new QaMatcher(entries, plain);
    sw.Stop();
    times.Add(sw.Elapsed.TotalMilliseconds);
}
var questions = new[] { "没有单位的自由职业者怎么交养老保险？", "社保卡丢了去哪补办要带啥", "孩子上小学要准备什么材料", "老人住院异地怎么报销" };
var msw = Stopwatch.StartNew();
int count = 0;
for (int r = 0; r < 25; r++) foreach (var q in questions) { matcher!.Match(q, 5); count++; }
msw.Stop();
Console.WriteLine($"entries: {n}; build: {string.Join(" / ", times.Select(t => $"{t:0} ms"))} (best {times.Min():0} ms); match: {msw.Elapsed.TotalMilliseconds / count:0.0} ms per question");
