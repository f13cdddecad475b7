using Zwgk.Domain.Ledger;

namespace Zwgk.Domain.Tests.Ledger;

public class UnitNamesTests
{
    private static string Show(IReadOnlyList<UnitMention> units) =>
        string.Join("|", units.Select(u => u.Note is null ? u.Name : $"{u.Name}[{u.Note}]"));

    [Theory]
    [InlineData("区发展改革局、区工业和信息化局、区投资促进局等有关部门(单位)，各街道办事处", "区发展改革局|区工业和信息化局|区投资促进局[等有关部门(单位)]|各街道办事处")]
    [InlineData("区政府各部门（单位）、各街道办事处", "区政府各部门（单位）|各街道办事处")]
    [InlineData("各镇人民政府、各街道办事处，区发改局等政府相关部门", "各镇人民政府|各街道办事处|区发改局[等政府相关部门]")]
    [InlineData("区市场监 管局；区司法局。", "区市场监管局|区司法局")] // wrap space, full stop
    [InlineData("区财政局\n区农业农村局", "区财政局|区农业农村局")]
    [InlineData("区财政局 区司法局", "区财政局|区司法局")] // two names from a cell whose lines were joined by a space
    [InlineData("区财政局<br>区民政局", "区财政局|区民政局")]
    [InlineData("区文化和旅游局等", "区文化和旅游局[等]")]
    [InlineData("区财政局、等有关部门", "区财政局[等有关部门]")]
    [InlineData("各镇（街）、区政府办公室", "各镇（街）|区政府办公室")]
    [InlineData("區財政局", "區財政局")] // as written; folding is the caller's job
    public void Splits(string cell, string expected) => Assert.Equal(expected, Show(UnitNames.Split(cell)));

    [Fact]
    public void Blank_cells_give_nothing()
    {
        Assert.Empty(UnitNames.Split(null));
        Assert.Empty(UnitNames.Split(" 、 ，"));
    }

    [Fact]
    public void Absurd_cells_are_capped()
    {
        var cell = string.Join("、", Enumerable.Range(0, 5000).Select(i => $"区第{i}局"));
        Assert.InRange(UnitNames.Split(cell).Count, 1, 200);
    }
}
