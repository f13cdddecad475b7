namespace Zwgk.Domain.Audit;

/// <summary>One audited action: who did what to which record, when.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public int? UnitId { get; set; }
    /// <summary>Machine name of the action, e.g. document.publish.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>Human summary in Chinese.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Field-level changes as JSON ({"field":{"from":..,"to":..}}); never holds passwords.</summary>
    public string? Changes { get; set; }
    public string? IpAddress { get; set; }
}
