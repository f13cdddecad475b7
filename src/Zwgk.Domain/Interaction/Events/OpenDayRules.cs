namespace Zwgk.Domain.Interaction.Events;

/// <summary>
/// Booking rules. A full open day refuses further bookings (no waitlist): a waitlist would promise a place the unit cannot
/// plan for, and a cancellation frees its places for the next person at once. One active booking per phone number per open day.
/// </summary>
public static class OpenDayRules
{
    public const int DefaultMaxPartySize = 3;
    public const int MaxCapacity = 10_000;

    public static RegistrationPhase PhaseAt(OpenDay d, DateTimeOffset now)
    {
        if (now >= d.EndsAt) return RegistrationPhase.Finished;
        if (now < d.RegistrationOpensAt) return RegistrationPhase.NotYetOpen;
        if (now >= d.RegistrationClosesAt || now >= d.StartsAt) return RegistrationPhase.Closed;
        return d.PlacesLeft <= 0 ? RegistrationPhase.Full : RegistrationPhase.Open;
    }

    public static string Label(this RegistrationPhase p) => p switch
    {
        RegistrationPhase.NotYetOpen => "报名未开始",
        RegistrationPhase.Open => "报名中",
        RegistrationPhase.Full => "名额已满",
        RegistrationPhase.Closed => "报名已截止",
        RegistrationPhase.Finished => "活动已结束",
        _ => p.ToString(),
    };

    public static string Label(this RegistrationStatus s) => s == RegistrationStatus.Cancelled ? "已取消" : "已报名";

    public static string? ValidateSchedule(OpenDay d)
    {
        if (d.EndsAt <= d.StartsAt) return "活动结束时间应晚于开始时间";
        if (d.RegistrationClosesAt <= d.RegistrationOpensAt) return "报名截止时间应晚于报名开始时间";
        if (d.RegistrationClosesAt > d.StartsAt) return "报名截止时间不能晚于活动开始时间";
        if (d.Capacity is < 1 or > MaxCapacity) return $"名额应在1到{MaxCapacity}之间";
        if (d.MaxPartySize is < 1 or > 10) return "每次报名人数上限应在1到10之间";
        if (d.Capacity < d.Taken) return $"已有{d.Taken}人报名，名额不能少于已报名人数";
        return null;
    }

    /// <summary>Why a booking of <paramref name="partySize"/> people cannot be taken now, or null. <paramref name="phoneTaken"/>:
    /// the phone already has an active booking for this open day.</summary>
    public static string? CanRegister(OpenDay d, int partySize, bool phoneTaken, DateTimeOffset now)
    {
        if (!d.IsPublished) return "活动不存在";
        switch (PhaseAt(d, now))
        {
            case RegistrationPhase.NotYetOpen: return "报名尚未开始";
            case RegistrationPhase.Closed: return "报名已截止";
            case RegistrationPhase.Finished: return "活动已结束";
            case RegistrationPhase.Full: return "名额已满，报名已停止";
        }
        if (partySize < 1 || partySize > d.MaxPartySize) return $"每次报名人数为1到{d.MaxPartySize}人";
        if (phoneTaken) return "该手机号码已报名本次活动，如需修改请先凭查询码取消原报名";
        if (partySize > d.PlacesLeft) return $"剩余名额不足，目前还剩{d.PlacesLeft}个";
        return null;
    }

    public static void Take(OpenDay d, OpenDayRegistration r) => d.Taken += r.PartySize;

    /// <summary>Cancelling frees the places at once; a cancelled booking stays (with who cancelled) for the record.</summary>
    public static string? Cancel(OpenDay d, OpenDayRegistration r, string by, string? reason, DateTimeOffset now)
    {
        if (r.Status == RegistrationStatus.Cancelled) return "该报名已取消";
        if (now >= d.StartsAt) return "活动已开始，不能再取消报名";
        r.Status = RegistrationStatus.Cancelled;
        r.CancelledAt = now;
        r.CancelledBy = by;
        r.CancelReason = reason;
        d.Taken = Math.Max(0, d.Taken - r.PartySize);
        return null;
    }

    /// <summary>A mainland mobile number (11 digits starting 1) or a landline with area code; digits only, else null.</summary>
    public static string? PhoneKey(string? phone)
    {
        var p = (phone ?? "").Trim();
        if (p.Length is 0 or > 20) return null;
        if (p.Any(c => !(char.IsAsciiDigit(c) || c is '-' or ' ' or '+'))) return null;
        var digits = new string(p.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        if (digits.Length == 11 && digits[0] == '1') return digits;
        if (digits.Length is >= 10 and <= 12 && digits[0] == '0') return digits;
        return null;
    }
}
