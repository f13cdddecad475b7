using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Tests.Portal;

/// <summary>The version comparison: an LCS diff at character level for Chinese and word level for Latin text, and the
/// admin page comparing two saved versions field by field, scoped to the user's units.</summary>
public sealed class VersionDiffTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private static readonly HtmlParser Parser = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string Before(IEnumerable<DiffSegment> d) => string.Concat(d.Where(s => s.Kind != DiffKind.Insert).Select(s => s.Text));
    private static string After(IEnumerable<DiffSegment> d) => string.Concat(d.Where(s => s.Kind != DiffKind.Delete).Select(s => s.Text));

    [Fact]
    public void Chinese_is_compared_character_by_character_and_latin_by_word()
    {
        var d = TextDiff.Compare("请于2024年12月底前完成。\n第二段不变。", "请于2025年6月底前全部完成。\n第二段不变。");
        Assert.Equal("请于2024年12月底前完成。\n第二段不变。", Before(d));
        Assert.Equal("请于2025年6月底前全部完成。\n第二段不变。", After(d));
        Assert.Contains(new DiffSegment(DiffKind.Delete, "2024"), d);
        Assert.Contains(new DiffSegment(DiffKind.Insert, "2025"), d);
        Assert.Contains(new DiffSegment(DiffKind.Insert, "全部"), d);
        Assert.Equal(DiffKind.Equal, d[^1].Kind);
        Assert.EndsWith("完成。\n第二段不变。", d[^1].Text, StringComparison.Ordinal);

        var words = TextDiff.Compare("see page three", "see page four");
        Assert.Equal([new(DiffKind.Equal, "see page "), new(DiffKind.Delete, "three"), new(DiffKind.Insert, "four")], words);
    }

    [Fact]
    public void Long_bodies_with_one_changed_paragraph_diff_only_that_paragraph()
    {
        var paragraphs = Enumerable.Range(1, 3000).Select(i => $"第{i}段：各单位要按照要求做好信息公开工作。").ToList();
        var before = string.Join('\n', paragraphs);
        paragraphs[1500] = "第1501段：各单位要按照新的要求做好政府信息公开工作。";
        var d = TextDiff.Compare(before, string.Join('\n', paragraphs));
        Assert.Equal(before, Before(d));
        Assert.Equal([new(DiffKind.Insert, "新的"), new(DiffKind.Insert, "政府")], d.Where(s => s.Kind != DiffKind.Equal));
    }

    [Fact]
    public void Body_text_keeps_paragraphs_and_table_cells_apart()
    {
        var text = TextDiff.HtmlToText("<h2>一、任务</h2><p>正文<b>加粗</b></p><table><tr><th><p>序号</p></th><th>任务</th></tr><tr><td>1</td><td><p>公开</p><p>发布</p></td></tr></table><ol><li>甲</li></ol>");
        Assert.Equal("一、任务\n正文加粗\n序号\t任务\n1\t公开 发布\n甲", text);
    }

    [Fact]
    public async Task Version_page_compares_two_versions_and_hides_other_units_documents()
    {
        var unit = await _factory.CreateUnitAsync("版本比较测试局");
        var other = await _factory.CreateUnitAsync("其他测试局");
        var editor = await _factory.LoginAsync(unit.Id, Roles.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/admin/documents", new
        {
            title = "关于开展政务公开培训的通知", ownerUnitId = unit.Id, issuerUnitIds = new[] { unit.Id },
            bodyHtml = "<p>培训时间为3月10日。</p><p>请各单位按时参加。</p>",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var updated = await editor.PutAsJsonAsync($"/api/v1/admin/documents/{id}", new
        {
            title = "关于开展2026年政务公开培训的通知", ownerUnitId = unit.Id, issuerUnitIds = new[] { unit.Id }, version = 1, keywords = "培训",
            bodyHtml = "<p>培训时间为3月12日。</p><p>请各单位按时参加。</p>",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var html = Parser.ParseDocument(await editor.GetStringAsync($"/admin/documents/{id}/versions"));
        var changed = html.QuerySelectorAll("table.diff-fields tr.changed th").Select(th => th.TextContent).ToList();
        Assert.Equal(["标题", "主题词"], changed);
        var titleRow = html.QuerySelectorAll("table.diff-fields tr.changed").First();
        Assert.Equal("2026年", titleRow.QuerySelector("ins.diff-add")!.TextContent);
        var body = html.QuerySelector("#body-diff")!;
        // Numbers compare as words: 10 → 12.
        Assert.Equal("10", body.QuerySelector("del.diff-del")!.TextContent);
        Assert.Equal("12", body.QuerySelector("ins.diff-add")!.TextContent);
        Assert.Contains("请各单位按时参加。", body.TextContent, StringComparison.Ordinal);

        // Explicit versions: a version compared with itself shows no change.
        var same = Parser.ParseDocument(await editor.GetStringAsync($"/admin/documents/{id}/versions?from=2&to=2"));
        Assert.Empty(same.QuerySelectorAll("tr.changed"));
        Assert.NotNull(same.QuerySelector("#body-unchanged"));

        var outsider = await _factory.LoginAsync(other.Id, Roles.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/documents/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/admin/documents/999999/versions")).StatusCode);
    }
}
