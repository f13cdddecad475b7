namespace Zwgk.Domain.Interaction.Events;

/// <summary>A government open day (政府开放日): the public visits a unit; places are limited and booked in advance.</summary>
public class OpenDay
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Place { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Visitors in all (a registration of 3 people takes 3 places).</summary>
    public int Capacity { get; set; }
    /// <summary>People one registration may bring, the registrant included.</summary>
    public int MaxPartySize { get; set; } = OpenDayRules.DefaultMaxPartySize;
    public DateTimeOffset RegistrationOpensAt { get; set; }
    public DateTimeOffset RegistrationClosesAt { get; set; }
    /// <summary>Shown on the portal; a draft is seen by staff only.</summary>
    public bool IsPublished { get; set; }
    /// <summary>Places taken by active registrations. Also the concurrency token: every booking and cancellation changes it, so
    /// two bookings of the last place cannot both commit.</summary>
    public int Taken { get; set; }
    /// <summary>活动回顾, plain text.</summary>
    public string? Summary { get; set; }
    public DateTimeOffset? SummaryPublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public int PlacesLeft => Math.Max(0, Capacity - Taken);
}

/// <summary>已报名 / 已取消.</summary>
public enum RegistrationStatus { Registered = 0, Cancelled = 1 }

/// <summary>One booking: only what the check-in needs (name, phone, party size). The 查询码 is kept as a hash only.</summary>
public class OpenDayRegistration
{
    public int Id { get; set; }
    public int OpenDayId { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>The phone's digits, for the one-booking-per-phone rule.</summary>
    public string PhoneKey { get; set; } = "";
    public int PartySize { get; set; } = 1;
    public string CodeHash { get; set; } = "";
    public RegistrationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>本人 (by code) or the staff member's name.</summary>
    public string? CancelledBy { get; set; }
    public string? CancelReason { get; set; }
}

/// <summary>What the portal shows about registration right now.</summary>
public enum RegistrationPhase { NotYetOpen, Open, Full, Closed, Finished }
