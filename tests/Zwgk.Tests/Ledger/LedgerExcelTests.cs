using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Ledger;

/// <summary>The ledger export (issue 11 §6): the 任务分工 layout, statuses from the snapshot, unit scoping, filters, audit.</summary>
public sealed class LedgerExcelTests : IAsyncLifetime
{
    private ZwgkFactory f = null!;
    private LedgerFixture x = null!;

    public async ValueTask InitializeAsync()
    {
        f = new ZwgkFactory();
        _ = f.Server; // clock: 2026-03-02
        x = await LedgerFixture.SeedAsync(f);
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    private string Url(int plan, string query = "") => $"/admin/ledger/plans/{plan}/export.xlsx{query}";

    private static async Task<XLWorkbook> WorkbookAsync(HttpResponseMessage resp)
    {
        Assert.True(resp.StatusCode == HttpStatusCode.OK, $"{(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", resp.Content.Headers.ContentType!.MediaType);
        return new XLWorkbook(await resp.Content.ReadAsStreamAsync());
    }

    private static List<string> Column(IXLWorksheet ws, int col) =>
        Enumerable.Range(3, Math.Max(0, ws.LastRowUsed()!.RowNumber() - 2)).Select(r => ws.Cell(r, col).GetString()).ToList();

    [Fact]
    public async Task The_office_gets_every_task_in_the_task_division_layout_with_statuses_and_the_export_is_audited()
    {
        var office = await f.LoginAsync(x.A.Id, Roles.OpennessOffice);
        var resp = await office.GetAsync(Url(x.Plan2025));
        Assert.Equal("2025年工作台账.xlsx", resp.Content.Headers.ContentDisposition!.FileNameStar);
        using var wb = await WorkbookAsync(resp);
        var ws = Assert.Single(wb.Worksheets);
        Assert.Equal("任务分工", ws.Name);
        Assert.Equal("2025年市中区政务公开工作要点重点工作任务分工及落实情况", ws.Cell("A1").GetString());
        Assert.Equal("A1:G1", ws.Cell("A1").MergedRange().RangeAddress.ToString());
        Assert.Equal(["序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限", "进展"], Enumerable.Range(1, 7).Select(c => ws.Cell(2, c).GetString()));

        Assert.Equal(["1", "2", "3", "4", "5", "6"], Column(ws, 1));
        Assert.Equal("一、深化重点领域信息公开 / （一）财政信息公开", ws.Cell("B4").GetString());
        Assert.Equal("一、深化重点领域信息公开", ws.Cell("B5").GetString());
        Assert.Equal("二、加强政务公开平台建设", ws.Cell("B8").GetString());
        Assert.Equal("推进政府债务信息公开；定期公开债务限额和余额", ws.Cell("C4").GetString());
        Assert.Equal(["区财政局", "区财政局", "区教体局", "区财政局", "区数据局", "区教体局"], Column(ws, 4));
        Assert.Equal("区教体局", ws.Cell("E4").GetString());
        Assert.Equal(["2025年12月底前", "2025年6月底前", "长期坚持", "2025年12月底前", "2026年6月底前", "长期坚持"], Column(ws, 6));

        // 进展: status first, then the latest progress text, then each unit's part when several carry the task.
        Assert.Equal(["已完成", "逾期", "推进中", "待核查", "未开始", "未开始"], Column(ws, 7).Select(s => s.Split('\n')[0]));
        Assert.Equal($"逾期\n{x.A.Name}：已完成\n{x.B.Name}：逾期", ws.Cell("G4").GetString());
        Assert.Equal($"推进中\n{LedgerFixture.InternalProgress}", ws.Cell("G5").GetString());
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), ws.Cell("G4").Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#C6EFCE"), ws.Cell("G3").Style.Fill.BackgroundColor);
        Assert.True(ws.Cell("C5").Style.Alignment.WrapText);

        Assert.Equal(2, ws.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
        Assert.Equal(2, ws.PageSetup.FirstRowToRepeatAtTop);
        Assert.True(ws.Column(3).Width > ws.Column(1).Width * 4);

        await f.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == "ledger.export");
            Assert.Equal("WorkPlan", entry.EntityType);
            Assert.Equal(x.Plan2025.ToString(), entry.EntityId);
            Assert.Contains("6项任务", entry.Summary);
        });
    }

    [Fact]
    public async Task Filters_by_unit_and_status_and_statuses_follow_the_clock()
    {
        var officeUser = await f.CreateUserAsync(x.A.Id, Roles.OpennessOffice);
        var office = await f.LoginAsync(officeUser);
        using (var wb = await WorkbookAsync(await office.GetAsync(Url(x.Plan2025, "?status=" + Uri.EscapeDataString("逾期")))))
            Assert.Equal(["2"], Column(wb.Worksheet(1), 1));
        using (var wb = await WorkbookAsync(await office.GetAsync(Url(x.Plan2025, $"?unit={x.A.Id}"))))
            Assert.Equal(["1", "2", "4"], Column(wb.Worksheet(1), 1));
        using (var wb = await WorkbookAsync(await office.GetAsync(Url(x.Plan2025, $"?unit={x.B.Id}&status=InProgress"))))
            Assert.Equal(["3"], Column(wb.Worksheet(1), 1));
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync(Url(x.Plan2025, "?status=nope"))).StatusCode);

        // After T5's deadline (2026-06-30) nobody carrying it makes it overdue.
        f.Clock.SetChinaDate(new DateOnly(2026, 7, 1));
        office = await f.LoginAsync(officeUser); // the session timed out while the clock moved
        using (var wb = await WorkbookAsync(await office.GetAsync(Url(x.Plan2025, "?status=" + Uri.EscapeDataString("逾期")))))
            Assert.Equal(["2", "5"], Column(wb.Worksheet(1), 1));
    }

    [Fact]
    public async Task A_unit_gets_only_its_own_tasks_and_a_plan_it_has_no_part_in_answers_404()
    {
        var editorB = await f.LoginAsync(x.B.Id, Roles.Editor);
        using (var wb = await WorkbookAsync(await editorB.GetAsync(Url(x.Plan2025))))
        {
            var ws = wb.Worksheet(1);
            Assert.Equal(["2", "3", "6"], Column(ws, 1));
            Assert.Equal(LedgerFixture.SecretRequirement, ws.Cell("C5").GetString()); // not public, but B's own task
        }
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync(Url(x.Plan2024))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync(Url(x.Plan2025 + 1000))).StatusCode);

        var adminC = await f.LoginAsync(x.C.Id, Roles.UnitAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await adminC.GetAsync(Url(x.Plan2025))).StatusCode);
        using (var wb = await WorkbookAsync(await adminC.GetAsync(Url(x.Plan2024))))
            Assert.Equal(["2024年的任务"], Column(wb.Worksheet(1), 3));

        var platform = await f.LoginAsync(x.C.Id, Roles.PlatformAdmin);
        using (var wb = await WorkbookAsync(await platform.GetAsync(Url(x.Plan2025))))
            Assert.Equal(6, Column(wb.Worksheet(1), 1).Count);

        var anonymous = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var denied = await anonymous.GetAsync(Url(x.Plan2025));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", denied.Content.Headers.ContentType?.MediaType);
        await f.WithDbAsync(async db => Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == "ledger.export")));
    }
}
