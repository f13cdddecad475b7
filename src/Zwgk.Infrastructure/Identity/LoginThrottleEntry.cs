namespace Zwgk.Infrastructure.Identity;

/// <summary>
/// Failed sign-ins for a user name that matches no active account, so such names lock exactly as accounts do and
/// a lockout reveals nothing. Keyed by the SHA-256 of the normalized name: a password typed into the name box is not kept.
/// </summary>
public class LoginThrottleEntry
{
    public const int KeyLength = 64;

    public string NameHash { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
