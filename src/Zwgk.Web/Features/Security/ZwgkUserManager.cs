using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Web.Features.Security;

/// <summary>
/// Identity's UserManager reads the system clock for lockout (TimeProvider support arrives in .NET 11); this keeps
/// lockout on the injected TimeProvider like the rest of the platform, so it is testable and consistent.
/// </summary>
public sealed class ZwgkUserManager(
    IUserStore<ZwgkUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<ZwgkUser> passwordHasher,
    IEnumerable<IUserValidator<ZwgkUser>> userValidators, IEnumerable<IPasswordValidator<ZwgkUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<ZwgkUser>> logger, TimeProvider clock)
    : UserManager<ZwgkUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<ZwgkUser> LockoutStore => (IUserLockoutStore<ZwgkUser>)Store;

    public override async Task<bool> IsLockedOutAsync(ZwgkUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)) return false;
        var end = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return end >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(ZwgkUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts) return await UpdateUserAsync(user);
        await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }
}
