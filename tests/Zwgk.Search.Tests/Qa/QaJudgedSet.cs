using Zwgk.Search.Qa;

namespace Zwgk.Search.Tests.Qa;

/// <summary>A citizen's question and the entry it should find (null: the base has no answer to it).</summary>
public sealed record JudgedQuestion(int Line, string Question, string? Expected)
{
    /// <summary>Every 4th pair of the file is held out: it was not looked at while the matcher was tuned.</summary>
    public bool HeldOut => Line % 4 == 0;
}

/// <summary>The judged evaluation set of the Q&amp;A matcher (issue 13 §3), read from Qa/Data.</summary>
public static class QaJudgedSet
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Qa", "Data", file);

    public static IReadOnlyList<QaEntry> Entries { get; } = LoadEntries();

    public static IReadOnlyList<JudgedQuestion> Questions { get; } = LoadQuestions();

    private static List<QaEntry> LoadEntries()
    {
        var list = new List<QaEntry>();
        foreach (var line in File.ReadLines(DataPath("qa-entries.tsv")).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            if (f.Length < 5) throw new InvalidDataException($"qa-entries.tsv: {line}");
            var alternatives = f.Length > 5 && f[5].Length > 0 ? f[5].Split('|') : null;
            list.Add(new QaEntry(f[0], f[1], f[2], f[3], f[4], alternatives));
        }
        return list;
    }

    private static List<JudgedQuestion> LoadQuestions()
    {
        var list = new List<JudgedQuestion>();
        int n = 0;
        foreach (var line in File.ReadLines(DataPath("qa-judged.tsv")).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            if (f.Length != 2) throw new InvalidDataException($"qa-judged.tsv: {line}");
            list.Add(new JudgedQuestion(++n, f[0], f[1] == "-" ? null : f[1]));
        }
        return list;
    }
}

/// <summary>Figures of one matcher over some judged questions.</summary>
public sealed record QaFigures(int InScope, double Top1, double Top3, double Mrr, double Confident, int OutOfScope, double FalseConfident)
{
    public static QaFigures Of(QaMatcher matcher, IEnumerable<JudgedQuestion> questions, List<string>? misses = null)
    {
        int inScope = 0, top1 = 0, top3 = 0, confident = 0, oos = 0, falseConfident = 0;
        double rr = 0;
        foreach (var q in questions)
        {
            var matches = matcher.Match(q.Question, 10);
            if (q.Expected is null)
            {
                oos++;
                if (matches.Count > 0 && matches[0].IsGood)
                {
                    falseConfident++;
                    misses?.Add($"  out of scope, confident: {q.Question} → {matches[0].Id} {matches[0].Score:0.00}");
                }
                continue;
            }
            inScope++;
            int rank = matches.Select(m => m.Id).ToList().IndexOf(q.Expected) + 1;
            if (rank == 1) top1++;
            if (rank is >= 1 and <= 3) top3++;
            if (rank >= 1) rr += 1.0 / rank;
            if (rank == 1 && matches[0].IsGood) confident++;
            if (rank != 1)
                misses?.Add($"  {q.Question} → want {q.Expected} (rank {(rank == 0 ? "-" : rank.ToString())}), got "
                    + string.Join(", ", matches.Take(3).Select(m => $"{m.Id} {m.Score:0.00}")));
        }
        return new QaFigures(inScope, Ratio(top1, inScope), Ratio(top3, inScope), inScope == 0 ? 0 : rr / inScope,
            Ratio(confident, inScope), oos, Ratio(falseConfident, oos));
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    public override string ToString() =>
        $"top-1 {Top1:0.000}  top-3 {Top3:0.000}  MRR {Mrr:0.000}  confident-correct {Confident:0.000}  (n={InScope});  "
        + $"out of scope false-confident {FalseConfident:0.000} (n={OutOfScope})";
}
