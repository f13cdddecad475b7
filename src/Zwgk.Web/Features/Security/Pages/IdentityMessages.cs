using Microsoft.AspNetCore.Identity;

namespace Zwgk.Web.Features.Security.Pages;

/// <summary>Joins Identity errors for display; the Chinese text comes from ChineseIdentityErrorDescriber.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError e) => e.Description;

    public static string Join(IdentityResult result) => string.Join("；", result.Errors.Select(Describe).Distinct());
}
