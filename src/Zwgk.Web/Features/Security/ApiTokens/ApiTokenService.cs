using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;

namespace Zwgk.Web.Features.Security.ApiTokens;

/// <summary>What to issue: <paramref name="ExpiresOn"/> is the last day (China time) the token works.</summary>
public sealed record ApiTokenRequest(string Name, string Role, int? UnitId, DateOnly? ExpiresOn);

/// <summary>A token just issued: <see cref="Token"/> is shown to the issuer once and exists nowhere else.</summary>
public sealed record IssuedApiToken(int Id, string Name, string Token, string Prefix, string Role, int? UnitId, string? UnitName, DateTimeOffset? ExpiresAt);

public sealed record ApiTokenRow(int Id, string Name, string Prefix, string Role, int? UnitId, string? UnitCode, string? UnitName,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public string Status(DateTimeOffset now) => RevokedAt is not null ? "已吊销" : ExpiresAt is { } e && e <= now ? "已过期" : "有效";
}

/// <summary>The outcome of issuing or revoking: an error names the field it concerns ("" for the whole request).</summary>
public sealed record ApiTokenResult<T>(T? Value, string? Error = null, string Field = "") where T : class
{
    public static ApiTokenResult<T> Fail(string error, string field = "") => new(null, error, field);
}

/// <summary>
/// Issues, lists and revokes integration tokens, for the admin page (a signed-in 平台管理员 or 公开办) and the `token`
/// command-line verb (the server operator). Issue and revoke are audited in the same save.
/// </summary>
public sealed class ApiTokenService(ZwgkDbContext db, AuditLog audit, CurrentUser me, TimeProvider clock)
{
    /// <summary>Who is acting: the signed-in user on the page, the server operator on the command line.</summary>
    private string ActorName => me.IsAuthenticated ? me.UserName ?? "系统" : CommandLineActor;
    private (string? Id, string Name)? AuditActor => me.IsAuthenticated ? null : (null, CommandLineActor);
    public const string CommandLineActor = "命令行（服务器操作员）";

    public async Task<ApiTokenResult<IssuedApiToken>> IssueAsync(ApiTokenRequest request, CancellationToken ct = default)
    {
        var name = (request.Name ?? "").Trim();
        if (name.Length == 0) return ApiTokenResult<IssuedApiToken>.Fail("请输入令牌名称（如“12345热线”）", nameof(request.Name));
        if (name.Length > FieldLengths.ApiTokenName) return ApiTokenResult<IssuedApiToken>.Fail($"令牌名称不能超过{FieldLengths.ApiTokenName}个字", nameof(request.Name));
        if (name.Any(char.IsControl)) return ApiTokenResult<IssuedApiToken>.Fail("令牌名称不能包含控制字符", nameof(request.Name));
        var role = (request.Role ?? "").Trim();
        if (ApiTokenRules.CheckRole(role, request.UnitId) is { } roleError)
            return ApiTokenResult<IssuedApiToken>.Fail(roleError, roleError.Contains("单位") ? nameof(request.UnitId) : nameof(request.Role));
        string? unitName = null;
        if (request.UnitId is int unitId)
        {
            unitName = await db.Units.Where(u => u.Id == unitId && u.IsActive).Select(u => u.Name).FirstOrDefaultAsync(ct);
            if (unitName is null) return ApiTokenResult<IssuedApiToken>.Fail("所选单位不存在或已停用", nameof(request.UnitId));
        }
        var now = clock.GetUtcNow();
        DateTimeOffset? expiresAt = null;
        if (request.ExpiresOn is DateOnly last)
        {
            // Valid through the whole last day, China time.
            expiresAt = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), Shared.Formats.ChinaOffset).ToUniversalTime();
            if (expiresAt <= now) return ApiTokenResult<IssuedApiToken>.Fail("有效期须晚于今天", nameof(request.ExpiresOn));
        }
        if (await db.ApiTokens.AnyAsync(t => t.Name == name && t.RevokedAt == null, ct))
            return ApiTokenResult<IssuedApiToken>.Fail($"已有名为“{name}”的有效令牌，请换一个名称或先吊销原令牌", nameof(request.Name));

        var (token, hash, prefix) = ApiTokenRules.Generate();
        var row = new ApiToken
        {
            Name = name, Prefix = prefix, SecretHash = hash, Role = role, UnitId = request.UnitId,
            CreatedAt = now, CreatedBy = FieldLengths.Clip(ActorName, FieldLengths.PersonName), ExpiresAt = expiresAt,
        };
        // The audit entry needs the new id: both saves commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Add("apitoken.create", "ApiToken", row.Id,
            $"签发接口令牌“{name}”（{prefix}…，角色：{Roles.Label(role)}{(unitName is null ? "" : "，单位：" + unitName)}，有效期：{(request.ExpiresOn is { } d ? d.ToString("yyyy-MM-dd") + "止" : "长期")}）",
            new Dictionary<string, (object?, object?)> { ["名称"] = (null, name), ["角色"] = (null, Roles.Label(role)), ["单位"] = (null, unitName), ["有效期至"] = (null, request.ExpiresOn?.ToString("yyyy-MM-dd")) },
            request.UnitId, AuditActor);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(new IssuedApiToken(row.Id, name, token, prefix, role, request.UnitId, unitName, expiresAt));
    }

    public Task<List<ApiTokenRow>> ListAsync(CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking()
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.Role, t.UnitId,
                db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Code).FirstOrDefault(),
                db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Name).FirstOrDefault(),
                t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.RevokedBy))
            .ToListAsync(ct);

    /// <summary>Revokes by id or, failing that, by the name of an unrevoked token.</summary>
    public async Task<ApiTokenResult<ApiTokenRow>> RevokeAsync(string idOrName, CancellationToken ct = default)
    {
        var key = (idOrName ?? "").Trim();
        ApiToken? row = null;
        if (int.TryParse(key, out var id)) row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (row is null && key.Length is > 0 and <= FieldLengths.ApiTokenName)
        {
            var named = await db.ApiTokens.Where(t => t.Name == key && t.RevokedAt == null).Take(2).ToListAsync(ct);
            if (named.Count > 1) return ApiTokenResult<ApiTokenRow>.Fail($"有多个名为“{key}”的有效令牌，请按编号吊销");
            row = named.FirstOrDefault();
        }
        if (row is null) return ApiTokenResult<ApiTokenRow>.Fail($"令牌“{key}”不存在");
        if (row.RevokedAt is not null) return ApiTokenResult<ApiTokenRow>.Fail($"令牌“{row.Name}”（编号 {row.Id}）已于此前吊销");

        row.RevokedAt = clock.GetUtcNow();
        row.RevokedBy = FieldLengths.Clip(ActorName, FieldLengths.PersonName);
        audit.Add("apitoken.revoke", "ApiToken", row.Id, $"吊销接口令牌“{row.Name}”（{row.Prefix}…，角色：{Roles.Label(row.Role)}）", unitId: row.UnitId, actor: AuditActor);
        await db.SaveChangesAsync(ct);
        return new(new ApiTokenRow(row.Id, row.Name, row.Prefix, row.Role, row.UnitId, null, null, row.CreatedAt, row.CreatedBy, row.ExpiresAt, row.LastUsedAt, row.RevokedAt, row.RevokedBy));
    }
}
