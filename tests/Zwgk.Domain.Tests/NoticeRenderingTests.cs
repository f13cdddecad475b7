using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Tests;

public class NoticeRenderingTests
{
    [Theory]
    [InlineData(FeeMethod.PerPiece, 10, 0)]
    [InlineData(FeeMethod.PerPiece, 11, 100)]
    [InlineData(FeeMethod.PerPiece, 30, 100)]
    [InlineData(FeeMethod.PerPiece, 31, 200)]
    [InlineData(FeeMethod.PerPiece, 40, 200)]
    [InlineData(FeeMethod.PerPiece, 41, 300)]
    [InlineData(FeeMethod.PerVolume, 30, 0)]
    [InlineData(FeeMethod.PerVolume, 31, 10)]
    [InlineData(FeeMethod.PerVolume, 100, 10)]
    [InlineData(FeeMethod.PerVolume, 101, 20)]
    [InlineData(FeeMethod.PerVolume, 200, 20)]
    [InlineData(FeeMethod.PerVolume, 201, 40)]
    public void The_breakdown_uses_the_rate_of_each_band(FeeMethod method, int n, int rate)
    {
        // The n-th piece or page alone: a fee whose last unit is n, with n − 1 units before it.
        var fee = method == FeeMethod.PerPiece ? new RequestFee { Method = method, Quantity = 1, EarlierPiecesThisMonth = n - 1 } : new RequestFee { Method = method, Quantity = n };
        Assert.Equal(rate, NoticeFees.Bands(fee)[^1].Rate);
    }

    [Fact]
    public void Values_and_template_text_are_encoded_and_missing_values_print_a_blank()
    {
        var html = NoticeRendering.RenderHtml("{申请人}：\n<b>说明</b>{答复内容}\n|证件号码|{证件号码}|\n>{日期}",
            new Dictionary<string, string?> { ["申请人"] = "<script>x</script>", ["答复内容"] = "第一行\n第二行", ["证件号码"] = null, ["日期"] = "2026年12月5日" });
        Assert.Contains("<p class=\"salutation\">&lt;script&gt;x&lt;/script&gt;：</p>", html);
        Assert.Contains("<p>&lt;b&gt;说明&lt;/b&gt;第一行<br>第二行</p>", html);
        Assert.Contains("<tr><th>证件号码</th><td>________</td></tr>", html);
        Assert.Contains("<p class=\"sign\">2026年12月5日</p>", html);
    }

    [Fact]
    public void Unknown_placeholders_and_a_reply_without_the_remedy_clause_are_refused()
    {
        Assert.Contains("{受理号}", NoticeRendering.Validate(NoticeKind.Receipt, "回执", "{受理号}")["Body"]);
        Assert.Contains("{诉讼法院}", NoticeRendering.Validate(NoticeKind.Reply, "答复书", "向{复议机关}申请行政复议")["Body"]);
        Assert.Empty(NoticeRendering.Validate(NoticeKind.Correction, "告知书", "{补正事项}{补正期限}"));
        foreach (var (kind, group) in NoticeKinds.Slots())
        {
            var (title, body) = NoticeDefaults.For(kind, group);
            Assert.Empty(NoticeRendering.Validate(kind, title, body));
        }
    }

    [Fact]
    public void Dates_follow_the_official_document_format() => Assert.Equal("2026年12月5日", NoticeRendering.OfficialDate(new DateOnly(2026, 12, 5)));
}
