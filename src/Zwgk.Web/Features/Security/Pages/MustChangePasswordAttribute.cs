namespace Zwgk.Web.Features.Security.Pages;

/// <summary>
/// Marks a back-office page as closed to a user who still has an administrator-issued password. The rule itself is
/// enforced for every /admin page and /api route by <see cref="PasswordChangeGate"/>; this marker only states the intent
/// (pages that carry it need no change when the gate moves).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MustChangePasswordAttribute : Attribute;
