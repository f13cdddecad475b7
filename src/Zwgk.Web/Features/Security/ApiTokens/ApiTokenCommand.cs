using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Security.ApiTokens;

public enum TokenAction { Create, List, Revoke }

/// <summary>What `token create|list|revoke` was asked to do.</summary>
public sealed record TokenArguments(TokenAction Action, string? Name = null, string? Role = null, string? Unit = null, DateOnly? ExpiresOn = null,
    bool Json = false, string? Target = null);

/// <summary>The `token` verb: issue, list and revoke API tokens for integrations (依申请公开平台、12345热线).</summary>
public sealed class ApiTokenVerb : Hosting.CliVerb<TokenArguments>
{
    private readonly Command create = new("create", "签发接口令牌（令牌只显示这一次，系统只保存其摘要）");
    private readonly Argument<string> name = new("名称") { Description = "令牌名称，如“12345热线”" };
    private readonly Option<string> role = new("--role")
    {
        Description = $"角色：{string.Join("、", ApiTokenRules.GrantableRoles.Select(r => $"{r}（{Roles.Label(r)}）"))}；不能签发平台管理员令牌",
        HelpName = "角色", Required = true,
    };
    private readonly Option<string?> unit = new("--unit") { Description = "所属单位代码（单位管理员、编辑、审核角色必填）", HelpName = "单位代码" };
    private readonly Option<string?> expires = new("--expires") { Description = "有效期至（含当日，北京时间），格式 YYYY-MM-DD；不填则长期有效，直到吊销", HelpName = "日期" };
    private readonly Option<bool> createJson = new("--json") { Description = "输出 JSON（含令牌）" };

    private readonly Command list = new("list", "列出接口令牌（不显示令牌本身）");
    private readonly Option<bool> listJson = new("--json") { Description = "输出 JSON" };

    private readonly Command revoke = new("revoke", "吊销接口令牌（立即失效）");
    private readonly Argument<string> target = new("编号或名称") { Description = "令牌编号，或有效令牌的名称" };

    public override Command Command { get; }

    public ApiTokenVerb()
    {
        create.Arguments.Add(name);
        create.Options.Add(role);
        create.Options.Add(unit);
        create.Options.Add(expires);
        create.Options.Add(createJson);
        create.Validators.Add(r =>
        {
            if (r.GetValue(expires) is { } e && !TryParseDate(e, out _)) r.AddError($"--expires 的日期“{e}”格式不正确，应为 YYYY-MM-DD");
        });
        list.Options.Add(listJson);
        revoke.Arguments.Add(target);
        Command = new Command("token", "管理接口令牌（供依申请公开平台、12345热线等系统调用 /api/v1/admin/ 接口）") { create, list, revoke };
    }

    private static bool TryParseDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    protected override TokenArguments BindArguments(ParseResult r, Func<string, string> fullPath)
    {
        var chosen = r.CommandResult.Command;
        if (chosen == list) return new TokenArguments(TokenAction.List, Json: r.GetValue(listJson));
        if (chosen == revoke) return new TokenArguments(TokenAction.Revoke, Target: r.GetValue(target));
        DateOnly? expiresOn = r.GetValue(expires) is { } e && TryParseDate(e, out var d) ? d : null;
        return new TokenArguments(TokenAction.Create, r.GetValue(name), r.GetValue(role), r.GetValue(unit), expiresOn, r.GetValue(createJson));
    }

    protected override Task<int> RunAsync(IServiceProvider services, TokenArguments arguments, TextWriter stdout, TextWriter stderr) =>
        ApiTokenCommand.RunAsync(services, arguments, stdout, stderr);
}

/// <summary>`token create NAME --role ROLE [--unit CODE] [--expires DATE] [--json]`, `token list [--json]`, `token revoke ID|NAME`.</summary>
public static class ApiTokenCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, TokenArguments args, TextWriter stdout, TextWriter stderr)
    {
        var service = sp.GetRequiredService<ApiTokenService>();
        switch (args.Action)
        {
            case TokenAction.Create:
            {
                int? unitId = null;
                if (args.Unit is { } code)
                {
                    unitId = await sp.GetRequiredService<ZwgkDbContext>().Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync();
                    if (unitId is null) { await stderr.WriteLineAsync($"单位代码“{code}”不存在"); return ExitCodes.UsageError; }
                }
                var r = await service.IssueAsync(new ApiTokenRequest(args.Name ?? "", args.Role ?? "", unitId, args.ExpiresOn));
                if (r.Value is not { } t) { await stderr.WriteLineAsync(r.Error); return ExitCodes.UsageError; }
                // stdout carries only the token (or the JSON holding it), so scripts can capture it; the reminder goes to stderr.
                await stdout.WriteLineAsync(args.Json
                    ? JsonSerializer.Serialize(new { id = t.Id, name = t.Name, token = t.Token, prefix = t.Prefix, role = t.Role, unit = args.Unit, expiresAt = t.ExpiresAt }, Import.ImportCommand.Json)
                    : t.Token);
                await stderr.WriteLineAsync($"已签发接口令牌“{t.Name}”（编号 {t.Id}）。令牌只显示这一次，请立即妥善保存。");
                return 0;
            }
            case TokenAction.List:
            {
                var rows = await service.ListAsync();
                var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
                if (args.Json)
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(rows.Select(t => new
                    {
                        id = t.Id, name = t.Name, prefix = t.Prefix, role = t.Role, unit = t.UnitCode, status = t.Status(now), createdAt = t.CreatedAt,
                        createdBy = t.CreatedBy, expiresAt = t.ExpiresAt, lastUsedAt = t.LastUsedAt, revokedAt = t.RevokedAt, revokedBy = t.RevokedBy,
                    }), Import.ImportCommand.Json));
                    return 0;
                }
                if (rows.Count == 0) { await stdout.WriteLineAsync("（没有接口令牌）"); return 0; }
                foreach (var t in rows)
                    await stdout.WriteLineAsync($"{t.Id}\t{t.Name}\t{t.Prefix}…\t{Roles.Label(t.Role)}\t{t.UnitName ?? "全部单位"}\t{t.Status(now)}"
                        + $"\t签发 {Formats.DateTime(t.CreatedAt)}\t有效期至 {(t.ExpiresAt is null ? "长期" : Formats.DateTime(t.ExpiresAt))}\t最近使用 {(t.LastUsedAt is null ? "从未" : Formats.DateTime(t.LastUsedAt))}");
                return 0;
            }
            default:
            {
                var r = await service.RevokeAsync(args.Target ?? "");
                if (r.Value is not { } t) { await stderr.WriteLineAsync(r.Error); return 1; }
                await stdout.WriteLineAsync($"已吊销接口令牌“{t.Name}”（编号 {t.Id}）");
                return 0;
            }
        }
    }
}
