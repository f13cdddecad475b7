using Zwgk.Domain.Calendar;

namespace Zwgk.Domain.Requests;

/// <summary>办法第三条: one method per application, never both.</summary>
public enum FeeMethod
{
    /// <summary>按件计收 (第四条).</summary>
    PerPiece = 1,
    /// <summary>按量计收 (第五条).</summary>
    PerVolume = 2,
}

/// <summary>One line of the 收费通知书: a tier, how many pieces or pages of this application fall in it, the rate and the subtotal (元).</summary>
public sealed record FeeLine(string Tier, int From, int? To, int Count, decimal Rate, decimal Subtotal);

/// <summary>An amount (元) and how it was reached, tier by tier (超额累进, 办法第三条).</summary>
public sealed record FeeQuote(FeeMethod Method, decimal Amount, IReadOnlyList<FeeLine> Lines)
{
    public string Unit => Method == FeeMethod.PerPiece ? "件" : "页";
}

/// <summary>
/// 信息处理费 under the 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), charged only where quantity or frequency clearly
/// exceeds a reasonable range (条例第四十二条). Pure arithmetic: choosing to charge, the method, and any local 减免 (the 办法
/// has no waiver rule; a local decision is recorded with its reason elsewhere) are decisions made by people.
/// </summary>
public static class ProcessingFees
{
    /// <summary>办法第六条: the applicant pays within 20 working days counted from the day after receiving the fee notice.</summary>
    public const int PaymentWorkingDays = 20;

    /// <summary>
    /// 按件计收 (办法第四条), counted per applicant per natural month. This application's pieces are the next ones in the
    /// month's running count after <paramref name="piecesEarlierThisMonth"/>; the amount is for these pieces only:
    /// （一）1–10 free; （二）11–30: 100元/件; （三）from 31 in bands of 10, each band 100元/件 more (31–40: 200, 41–50: 300, …).
    /// 「一事一申请」: the caller counts pieces by splitting the application into the smallest reasonable units.
    /// </summary>
    public static FeeQuote PerPiece(int piecesEarlierThisMonth, int piecesInThisApplication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(piecesEarlierThisMonth);
        ArgumentOutOfRangeException.ThrowIfNegative(piecesInThisApplication);
        var first = piecesEarlierThisMonth + 1;
        var last = piecesEarlierThisMonth + piecesInThisApplication;
        var lines = new List<FeeLine>();
        for (var band = BandOf(first); piecesInThisApplication > 0 && band.From <= last; band = NextBand(band))
        {
            var count = Math.Min(last, band.To) - Math.Max(first, band.From) + 1;
            if (count > 0) lines.Add(new FeeLine($"第{band.From}—{band.To}件", band.From, band.To, count, band.Rate, count * band.Rate));
        }
        return new FeeQuote(FeeMethod.PerPiece, lines.Sum(l => l.Subtotal), lines);
    }

    /// <summary>
    /// 按量计收 (办法第五条), per application, where paper, e-mail or copied electronic data is provided:
    /// （一）1–30 pages free; （二）31–100: 10元/页; （三）101–200: 20元/页; （四）201 and above: 40元/页.
    /// </summary>
    public static FeeQuote PerVolume(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        (int From, int? To, decimal Rate)[] tiers = [(1, 30, 0m), (31, 100, 10m), (101, 200, 20m), (201, null, 40m)];
        var lines = new List<FeeLine>();
        foreach (var (from, to, rate) in tiers)
        {
            if (pages < from) break;
            var count = Math.Min(pages, to ?? int.MaxValue) - from + 1;
            lines.Add(new FeeLine(to is int t ? $"第{from}—{t}页" : $"第{from}页以上", from, to, count, rate, count * rate));
        }
        return new FeeQuote(FeeMethod.PerVolume, lines.Sum(l => l.Subtotal), lines);
    }

    /// <summary>
    /// 办法第六条: payment is due within 20 working days from the day after the fee notice is received; unpaid by then the
    /// application is deemed withdrawn (视为放弃申请) and not processed further (annual report 其他处理 row 2).
    /// The last day to pay is the 20th working day after <paramref name="noticeReceivedOn"/>.
    /// </summary>
    public static DateOnly PaymentDue(WorkingCalendar calendar, DateOnly noticeReceivedOn) =>
        calendar.AddWorkingDays(noticeReceivedOn, PaymentWorkingDays);

    /// <summary>As <see cref="PaymentDue"/>, with the days skipped and the 调休 days counted (shown on the 收费通知书).</summary>
    public static DeadlineComputation PaymentDeadline(WorkingCalendar calendar, DateOnly noticeReceivedOn) =>
        calendar.Compute(noticeReceivedOn, PaymentWorkingDays);

    private readonly record struct Band(int From, int To, decimal Rate);

    private static Band BandOf(int piece) => piece switch
    {
        <= 10 => new Band(1, 10, 0m),
        <= 30 => new Band(11, 30, 100m),
        // From 31: bands of ten, the first (31–40) at 200元/件, each next band 100元/件 more.
        _ => BandFrom31((piece - 31) / 10),
    };

    private static Band BandFrom31(int index) => new(31 + index * 10, 40 + index * 10, 200m + index * 100m);

    private static Band NextBand(Band b) => BandOf(b.To + 1);
}
