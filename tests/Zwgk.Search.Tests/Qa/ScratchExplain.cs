using Xunit;
using Zwgk.Search.Qa;
using Zwgk.Search.Query;
namespace Zwgk.Search.Tests.Qa;
public sealed class ScratchExplain(ITestOutputHelper output)
{
    [Fact]
    public void Explain()
    {
        var m = new QaMatcher(QaJudgedSet.Entries, new PlainLanguage(PlainLanguage.LoadDefaultEntries()));
        foreach (var line in File.ReadAllLines("/tmp/scratch/explain.txt"))
        {
            var f = line.Split('\t');
            output.WriteLine(f[0] + " => " + string.Join(", ", m.Match(f[0], 3).Select(x => $"{x.Id} {x.Score:0.00}")));
            foreach (var id in f.Skip(1)) output.WriteLine("   " + m.Explain(f[0], id));
        }
        output.WriteLine("--- out of scope:");
        foreach (var q in QaJudgedSet.Questions.Where(q => q.Expected is null))
        {
            var r = m.Match(q.Question, 1);
            output.WriteLine(r.Count == 0 ? $"---- {q.Question}" : $"{r[0].Score:0.00} {q.Question}   || {m.Explain(q.Question, r[0].Id)}");
        }
        if (Environment.GetEnvironmentVariable("QA_LOW") is null) return;
        output.WriteLine("--- tuning split, correct but below 0.55:");
        foreach (var q in QaJudgedSet.Questions.Where(q => !q.HeldOut && q.Expected is not null))
        {
            var r = m.Match(q.Question, 1);
            if (r.Count > 0 && r[0].Id == q.Expected && r[0].Score < 0.55) output.WriteLine($"{r[0].Score:0.00} {q.Question}   || {m.Explain(q.Question, q.Expected!)}");
        }
    }
}
