using Zwgk.Domain.Calendar;
using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Tests.Requests;

/// <summary>Every tier boundary of the 信息处理费 (国办函〔2020〕109号 第四条、第五条) and the payment period (第六条).</summary>
public class ProcessingFeesTests
{
    // 按件计收, the month's first application: amount for pieces 1..n.
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(10, 0)]       // （一）10件以下（含10件）不收费
    [InlineData(11, 100)]     // （二）11—30件的部分 100元/件
    [InlineData(30, 2000)]    // 20 × 100
    [InlineData(31, 2200)]    // （三）31—40: 200元/件
    [InlineData(40, 4000)]    // 2000 + 10 × 200
    [InlineData(41, 4300)]    // 41—50: 300元/件
    [InlineData(50, 7000)]    // 4000 + 10 × 300
    [InlineData(51, 7400)]    // 51—60: 400元/件
    [InlineData(60, 11000)]   // 7000 + 10 × 400
    [InlineData(61, 11500)]   // 61—70: 500元/件
    public void Per_piece_from_the_start_of_the_month(int pieces, int amount)
    {
        var q = ProcessingFees.PerPiece(0, pieces);
        Assert.Equal(FeeMethod.PerPiece, q.Method);
        Assert.Equal(amount, q.Amount);
        Assert.Equal(q.Amount, q.Lines.Sum(l => l.Subtotal));
        Assert.Equal(pieces, q.Lines.Sum(l => l.Count));
    }

    [Fact]
    public void Per_piece_continues_the_month_count_and_splits_across_tiers()
    {
        // 8 pieces earlier this month; this application has 25 more: pieces 9..33.
        var q = ProcessingFees.PerPiece(8, 25);
        Assert.Collection(q.Lines,
            l => { Assert.Equal("第1—10件", l.Tier); Assert.Equal(2, l.Count); Assert.Equal(0m, l.Rate); Assert.Equal(0m, l.Subtotal); },
            l => { Assert.Equal("第11—30件", l.Tier); Assert.Equal(20, l.Count); Assert.Equal(100m, l.Rate); Assert.Equal(2000m, l.Subtotal); },
            l => { Assert.Equal("第31—40件", l.Tier); Assert.Equal(3, l.Count); Assert.Equal(200m, l.Rate); Assert.Equal(600m, l.Subtotal); });
        Assert.Equal(2600m, q.Amount);

        // The same 33 pieces in one application cost the same as split over two: the count is per month, not per application.
        Assert.Equal(ProcessingFees.PerPiece(0, 33).Amount, ProcessingFees.PerPiece(0, 8).Amount + q.Amount);
    }

    [Theory]
    [InlineData(10, 1, 100)]   // the 11th piece of the month
    [InlineData(29, 1, 100)]   // the 30th
    [InlineData(30, 1, 200)]   // the 31st
    [InlineData(39, 2, 500)]   // 40th (200) + 41st (300)
    [InlineData(50, 1, 400)]   // the 51st
    [InlineData(5, 5, 0)]      // 6th–10th: still free
    [InlineData(10, 0, 0)]     // no pieces, nothing to pay
    public void Per_piece_single_boundaries_after_earlier_pieces(int earlier, int pieces, int amount) =>
        Assert.Equal(amount, ProcessingFees.PerPiece(earlier, pieces).Amount);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]      // （一）30页以下（含30页）不收费
    [InlineData(31, 10)]     // （二）31—100页的部分 10元/页
    [InlineData(100, 700)]   // 70 × 10
    [InlineData(101, 720)]   // （三）101—200页的部分 20元/页
    [InlineData(200, 2700)]  // 700 + 100 × 20
    [InlineData(201, 2740)]  // （四）201页以上的部分 40元/页
    [InlineData(250, 4700)]  // 2700 + 50 × 40
    public void Per_volume(int pages, int amount)
    {
        var q = ProcessingFees.PerVolume(pages);
        Assert.Equal(FeeMethod.PerVolume, q.Method);
        Assert.Equal(amount, q.Amount);
        Assert.Equal(pages, q.Lines.Sum(l => l.Count));
        Assert.Equal(q.Amount, q.Lines.Sum(l => l.Subtotal));
    }

    [Fact]
    public void Per_volume_breakdown_names_each_tier()
    {
        var q = ProcessingFees.PerVolume(201);
        Assert.Equal(["第1—30页", "第31—100页", "第101—200页", "第201页以上"], q.Lines.Select(l => l.Tier));
        Assert.Equal([30, 70, 100, 1], q.Lines.Select(l => l.Count));
        Assert.Equal([0m, 10m, 20m, 40m], q.Lines.Select(l => l.Rate));
        Assert.Null(q.Lines[^1].To);
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.PerPiece(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.PerPiece(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.PerVolume(-1));
    }

    [Fact]
    public void Payment_is_due_20_working_days_after_the_notice_is_received()
    {
        var cal = HolidayData.Load().ToCalendar();
        // Received Wednesday 2024-09-04: the day itself does not count; 中秋节 and 国庆节 are skipped.
        Assert.Equal(new DateOnly(2024, 10, 9), ProcessingFees.PaymentDue(cal, new DateOnly(2024, 9, 4)));
        // Received on a holiday (2025-10-03): counting starts with the next working day after it.
        Assert.Equal(new DateOnly(2025, 11, 4), ProcessingFees.PaymentDue(cal, new DateOnly(2025, 10, 3)));
        var c = ProcessingFees.PaymentDeadline(cal, new DateOnly(2025, 10, 3));
        Assert.Contains(c.SpecialDays, d => d.Date == new DateOnly(2025, 10, 11) && d.Counted);
    }
}
