using Zwgk.Domain.Security;

namespace Zwgk.Web.Features.Security.Pages.Users;

public static class UserPasswords
{
    /// <summary>A random password that passes the policy and does not contain the user name.</summary>
    public static string Generate(string userName)
    {
        while (true)
        {
            var password = PasswordPolicy.Generate();
            if (PasswordPolicy.Check(password) is null && (userName.Length == 0 || !password.Contains(userName, StringComparison.OrdinalIgnoreCase)))
                return password;
        }
    }
}
