using System.Diagnostics;
namespace Zwgk.Search.Query;
public static class PhaseTimes
{
    public static bool Enabled;
    public static readonly Dictionary<string, (double Ms, int N)> Totals = new();
    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;
    public static void Stop(string name, long t)
    {
        if (!Enabled) return;
        var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        lock (Totals) { var c = Totals.GetValueOrDefault(name); Totals[name] = (c.Ms + ms, c.N + 1); }
    }
}
