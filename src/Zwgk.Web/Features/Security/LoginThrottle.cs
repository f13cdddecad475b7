using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Web.Features.Security;

/// <summary>
/// Lockout for user names that match no active account, with Identity's thresholds (5 failures → 15 minutes), so a
/// name locks whether it exists or not. Counts live in the database and change in single UPDATE statements, so several
/// app nodes on one database share them.
/// </summary>
public sealed class LoginThrottle(ZwgkDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>Failure counts of names untouched for this long are forgotten (keeps the table small under name spraying).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private LockoutOptions Lockout => identity.Value.Lockout;

    /// <summary>SHA-256 (hex) of the normalized name: the key of the throttle and the only trace of an unknown name in the audit log.</summary>
    public static string KeyOf(string normalizedName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedName)));

    /// <summary>The end of the lockout if the name is locked now.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string key, CancellationToken ct = default)
    {
        var until = await db.LoginThrottles.AsNoTracking().Where(t => t.NameHash == key).Select(t => t.LockedUntil).FirstOrDefaultAsync(ct);
        return until > clock.GetUtcNow() ? until : null;
    }

    /// <summary>Counts a failure; the failure that reaches the limit locks the name and resets the count (as Identity does).</summary>
    /// <returns>The end of the lockout if this failure locked the name.</returns>
    public async Task<DateTimeOffset?> RecordFailureAsync(string key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        int max = Lockout.MaxFailedAccessAttempts;
        DateTimeOffset? until = now + Lockout.DefaultLockoutTimeSpan;
        for (int attempt = 0; ; attempt++)
        {
            int updated = await db.LoginThrottles.Where(t => t.NameHash == key).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Failures, t => t.Failures + 1 >= max ? 0 : t.Failures + 1)
                .SetProperty(t => t.LockedUntil, t => t.Failures + 1 >= max ? until : t.LockedUntil)
                .SetProperty(t => t.UpdatedAt, now), ct);
            if (updated > 0) break;
            var entry = new LoginThrottleEntry { NameHash = key, Failures = max <= 1 ? 0 : 1, LockedUntil = max <= 1 ? until : null, UpdatedAt = now };
            db.LoginThrottles.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request inserted the same name first: count on its row.
                db.Entry(entry).State = EntityState.Detached;
            }
        }
        var cutoff = now - Retention;
        await db.LoginThrottles.Where(t => t.UpdatedAt < cutoff && (t.LockedUntil == null || t.LockedUntil < now)).ExecuteDeleteAsync(ct);
        return await LockedUntilAsync(key, ct);
    }
}
