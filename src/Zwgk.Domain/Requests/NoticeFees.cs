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
    /// <summary>The bands the pieces or pages of this fee fall in, from the one fee calculator (<see cref="ProcessingFees"/>).
    /// 按件 counts on from the pieces the applicant already applied for in the same natural month (第四条: 同一申请人一个自然月内累计).</summary>
    public static IReadOnlyList<FeeBand> Bands(RequestFee fee)
    {
        var first = fee.Method == FeeMethod.PerPiece ? fee.EarlierPiecesThisMonth + 1 : 1;
        var last = first + fee.Quantity - 1;
        var quote = fee.Method == FeeMethod.PerPiece ? ProcessingFees.PerPiece(fee.EarlierPiecesThisMonth, fee.Quantity) : ProcessingFees.PerVolume(fee.Quantity);
        return quote.Lines.Select(l => new FeeBand(Math.Max(l.From, first), Math.Min(l.To ?? last, last), l.Rate, l.Subtotal)).ToList();
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
