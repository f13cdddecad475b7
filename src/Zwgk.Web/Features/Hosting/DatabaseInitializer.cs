using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Security;
using Zwgk.Domain.Site;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Import;

namespace Zwgk.Web.Features.Hosting;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations, then seeds what a new site needs: roles, units, the catalog, settings, the first admin and demo content.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ZwgkDbContext>();
        var options = sp.GetRequiredService<IOptions<ZwgkOptions>>().Value;
        await db.Database.MigrateAsync();

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        if (!await db.Units.AnyAsync())
        {
            db.Units.AddRange(DemoUnits.Create());
            await db.SaveChangesAsync();
        }
        if (!await db.Columns.AnyAsync())
        {
            await SeedCatalogAsync(db);
        }
        if (!await db.SiteSettings.AnyAsync())
        {
            db.SiteSettings.Add(new SiteSettings
            {
                SiteName = "济南市市中区人民政府（演示站点）", SiteDomain = "localhost", SiteIdCode = "3701030001", Sponsor = "济南市市中区人民政府办公室",
                Contact = "0531-82078301", IcpNumber = "演示站点，无备案号", PublicSecurityNumber = "演示站点，无备案号", Address = "济南市市中区",
            });
            await db.SaveChangesAsync();
        }

        var users = sp.GetRequiredService<UserManager<ZwgkUser>>();
        if (!await db.Users.AnyAsync())
        {
            var office = await db.Units.OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).FirstAsync(u => u.Kind == UnitKind.GovernmentOffice || u.Kind == UnitKind.DistrictGovernment);
            var password = PasswordPolicy.Generate();
            var admin = new ZwgkUser
            {
                UserName = "admin", DisplayName = "平台管理员", UnitId = office.Id, CreatedAt = DateTimeOffset.UtcNow, MustChangePassword = true,
                SecurityStamp = Guid.NewGuid().ToString(),
            };
            var result = await users.CreateAsync(admin, password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(admin, Roles.PlatformAdmin);
            // Shown once on the console (not through the logger) so it never lands in log files.
            Console.WriteLine($"""

                ==================================================================
                 首次启动：已创建平台管理员账号 / First start: admin account created
                   用户名 user name: admin
                   初始密码 password: {password}
                 此密码只显示这一次，请登录 /admin 后立即修改。
                 This password is shown only once; sign in at /admin and change it.
                ==================================================================

                """);
        }

        // The list projection is derived data: rebuild it when it is missing (new migration, bulk-loaded documents).
        if (!await db.ColumnListings.AnyAsync() && await db.Documents.AnyAsync(d => d.Status == Domain.Documents.DocumentStatus.Published))
            await sp.GetRequiredService<ColumnListingProjector>().RebuildAsync();

        await Search.SearchSeed.SeedAsync(db, sp.GetRequiredService<TimeProvider>());

        if (options.LoadDemoContent && !await db.Documents.AnyAsync())
            await DemoContent.LoadAsync(sp);

        await DatabaseStatistics.UpdateAsync(db);
    }

    private static async Task SeedCatalogAsync(ZwgkDbContext db)
    {
        var office = await db.Units.Where(u => u.Kind == UnitKind.GovernmentOffice).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        int order = 0;
        async Task AddAsync(CatalogNode node, int? parentId)
        {
            var column = new Column
            {
                ParentId = parentId, Name = node.Name, Slug = node.Slug, Type = node.Type, StatutoryBasis = node.Basis, UpdateIntervalDays = node.UpdateIntervalDays,
                IsDisclosureColumn = node.Disclosure, SortOrder = order++, OwnerUnitId = office, Description = node.Name,
                EmptyNotice = node.Disclosure ? "本栏目暂无信息。如有相关信息产生，将在信息形成或变更之日起20个工作日内公开。" : null,
                PageHtml = node.Type == ColumnType.SinglePage ? "<p>本机关政府信息公开指南正在编制中。</p>" : null,
            };
            db.Columns.Add(column);
            await db.SaveChangesAsync();
            foreach (var child in node.Children ?? []) await AddAsync(child, column.Id);
        }
        await AddAsync(DefaultCatalog.DisclosureRoot, null);
        foreach (var root in DefaultCatalog.PortalRoots) await AddAsync(root, null);
    }
}

/// <summary>The demo district's unit tree (济南市市中区). Codes are demo values, not real organisation codes.</summary>
public static class DemoUnits
{
    public static IEnumerable<Unit> Create()
    {
        var gov = new Unit { Code = "SZQZF", Name = "济南市市中区人民政府", ShortName = "区政府", Kind = UnitKind.DistrictGovernment, SortOrder = 0 };
        var office = new Unit { Code = "SZQZFB", Name = "济南市市中区人民政府办公室", ShortName = "区政府办公室", Kind = UnitKind.GovernmentOffice, Parent = gov, SortOrder = 1 };
        yield return gov;
        yield return office;
        string[][] departments =
        [
            ["SZFGJ", "济南市市中区发展和改革局", "区发展改革局"], ["SZJTJ", "济南市市中区教育和体育局", "区教体局"], ["SZCZJ", "济南市市中区财政局", "区财政局"],
            ["SZRSJ", "济南市市中区人力资源和社会保障局", "区人力资源社会保障局"], ["SZZJJ", "济南市市中区住房和城乡建设局", "区住房城乡建设局"],
            ["SZWJJ", "济南市市中区卫生健康局", "区卫生健康局"], ["SZSJJ", "济南市市中区市场监督管理局", "区市场监管局"], ["SZMZJ", "济南市市中区民政局", "区民政局"],
            ["SZGXJ", "济南市市中区工业和信息化局", "区工业和信息化局"], ["SZTCJ", "济南市市中区投资促进局", "区投资促进局"], ["SZSWJ", "济南市市中区商务局", "区商务局"],
            ["SZWLJ", "济南市市中区文化和旅游局", "区文化和旅游局"], ["SZCGJ", "济南市市中区城市管理局", "区城管局"], ["SZNYJ", "济南市市中区农业农村局", "区农业农村局"],
            ["SZSPJ", "济南市市中区行政审批服务局", "区行政审批服务局"], ["SZSFJ", "济南市市中区司法局", "区司法局"], ["SZTYJ", "济南市市中区退役军人事务局", "区退役军人局"],
            ["SZYBJ", "济南市市中区医疗保障局", "区医保局"], ["SZYJJ", "济南市市中区应急管理局", "区应急局"],
        ];
        int order = 10;
        foreach (var d in departments)
            yield return new Unit { Code = d[0], Name = d[1], ShortName = d[2], Kind = UnitKind.Department, Parent = gov, SortOrder = order++ };
        string[][] streets = [["SZDGY", "济南市市中区大观园街道办事处", "大观园街道"], ["SZGSQ", "济南市市中区杆石桥街道办事处", "杆石桥街道"], ["SZSMQ", "济南市市中区四里村街道办事处", "四里村街道"]];
        foreach (var s in streets)
            yield return new Unit { Code = s[0], Name = s[1], ShortName = s[2], Kind = UnitKind.Subdistrict, Parent = gov, SortOrder = order++ };
        yield return new Unit { Code = "SZRMYY", Name = "济南市市中区人民医院", ShortName = "区人民医院", Kind = UnitKind.PublicInstitution, Parent = gov, SortOrder = 95 };
    }
}
