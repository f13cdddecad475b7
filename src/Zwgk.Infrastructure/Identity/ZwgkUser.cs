using Microsoft.AspNetCore.Identity;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Identity;

/// <summary>A back-office user; belongs to exactly one unit.</summary>
public class ZwgkUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when an administrator creates or resets the password; the user must change it at next login.</summary>
    public bool MustChangePassword { get; set; }
}
