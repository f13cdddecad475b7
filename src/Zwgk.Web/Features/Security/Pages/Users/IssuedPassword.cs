namespace Zwgk.Web.Features.Security.Pages.Users;

/// <summary>A generated password, rendered once in the response to the POST that created it and never stored anywhere else.</summary>
public sealed record IssuedPassword(string UserId, string UserName, string DisplayName, string Password, bool Created);
