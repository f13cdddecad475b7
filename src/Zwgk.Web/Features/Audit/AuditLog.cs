using System.Text.Json;
using Zwgk.Domain.Audit;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Audit;

/// <summary>Adds audit entries to the same unit of work as the change they describe, so both commit or neither does.</summary>
public sealed class AuditLog(ZwgkDbContext db, CurrentUser user, TimeProvider clock, IHttpContextAccessor http)
{
    /// <param name="actor">Who acted when the request is not signed in yet (login attempts): id and user name.</param>
    public void Add(string action, string entityType, object? entityId, string summary, IReadOnlyDictionary<string, (object? From, object? To)>? changes = null,
        int? unitId = null, (string? Id, string Name)? actor = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor?.Id ?? user.UserId,
            UserName = FieldLengths.Clip(actor?.Name ?? user.UserName ?? "系统", FieldLengths.PersonName),
            UnitId = unitId ?? (user.UnitId == 0 ? null : user.UnitId),
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            // Summaries quote titles and reasons typed by people: cut to the column, never fail the change they describe.
            Summary = FieldLengths.Clip(summary, FieldLengths.AuditSummary),
            Changes = changes is { Count: > 0 } ? JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new { from = c.Value.From, to = c.Value.To })) : null,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Field-by-field difference of two flat snapshots (only changed fields are kept).</summary>
    public static Dictionary<string, (object? From, object? To)> Diff(IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var result = new Dictionary<string, (object? From, object? To)>();
        foreach (var (key, value) in after)
        {
            before.TryGetValue(key, out var old);
            if (!Equals(old?.ToString(), value?.ToString())) result[key] = (Brief(old), Brief(value));
        }
        return result;
    }

    // Long values (a document body) are summarised: the full text lives in the version history, not the audit log.
    private static object? Brief(object? v) => v is string { Length: > 200 } s ? $"（{s.Length}字）{s[..60]}…" : v;
}
