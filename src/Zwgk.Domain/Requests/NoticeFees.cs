namespace Zwgk.Domain.Requests;

/// <summary>One band of the progressive fee as printed on the 收费通知书: from–to (piece or page numbers), rate, subtotal.</summary>
public sealed record FeeBand(int From, int To, decimal Rate, decimal Subtotal)
{
    public int Count => To - From + 1;
}

/// <summary>
/// The tier breakdown of a fee for the notice (《政府信息公开信息处理费管理办法》第三条: 超额累进). It explains the amount the
/// fee record holds; it does not decide it.
/// </summary>
public static class NoticeFees
{
    /// <summary>办法第四条 (按件) and 第五条 (按量): the rate of one piece or page by its number.</summary>
    public static decimal RateOf(FeeMethod method, int n) => method switch
    {
        // 第四条: 1–10 free; 11–30: 100 元/件; from 31, bands of 10, each 100 元/件 more (31–40: 200, 41–50: 300 …).
        FeeMethod.PerPiece => n <= 10 ? 0 : n <= 30 ? 100 : 100 + 100 * ((n - 31) / 10 + 1),
        // 第五条: 1–30 pages free; 31–100: 10 元/页; 101–200: 20 元/页; 201 and above: 40 元/页.
        _ => n <= 30 ? 0 : n <= 100 ? 10 : n <= 200 ? 20 : 40,
    };

    /// <summary>The bands the pieces or pages of this fee fall in. 按件 counts on from the pieces the applicant already applied for
    /// in the same natural month (第四条: 同一申请人一个自然月内累计).</summary>
    public static IReadOnlyList<FeeBand> Bands(RequestFee fee)
    {
        var first = fee.Method == FeeMethod.PerPiece ? fee.EarlierPiecesThisMonth + 1 : 1;
        var last = first + fee.Quantity - 1;
        var bands = new List<FeeBand>();
        for (var n = first; n <= last; n++)
        {
            var rate = RateOf(fee.Method, n);
            if (bands.Count > 0 && bands[^1].Rate == rate)
                bands[^1] = bands[^1] with { To = n, Subtotal = bands[^1].Subtotal + rate };
            else bands.Add(new FeeBand(n, n, rate, rate));
        }
        return bands;
    }

    public static string Standard(FeeMethod method) => method == FeeMethod.PerPiece
        ? "按件计收（办法第四条）：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件"
        : "按量计收（办法第五条）：同一政府信息公开申请中，30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；101—200页（含200页）的部分，20元/页；201页以上的部分，40元/页";

    /// <summary>The printed breakdown, one band a line.</summary>
    public static string Describe(RequestFee fee)
    {
        var unit = fee.Method == FeeMethod.PerPiece ? "件" : "页";
        var lines = Bands(fee).Select(b => b.Rate == 0
            ? $"第{b.From}—{b.To}{unit}：{b.Count}{unit}，免费"
            : $"第{b.From}—{b.To}{unit}：{b.Count}{unit} × {b.Rate:0.##}元/{unit} = {b.Subtotal:0.##}元").ToList();
        if (fee.Method == FeeMethod.PerPiece && fee.EarlierPiecesThisMonth > 0)
            lines.Insert(0, $"本月此前已累计申请{fee.EarlierPiecesThisMonth}件，本申请计{fee.Quantity}件（第{fee.EarlierPiecesThisMonth + 1}—{fee.EarlierPiecesThisMonth + fee.Quantity}件）");
        lines.Add($"合计：{fee.Amount:0.##}元");
        return string.Join("\n", lines);
    }
}
