// Temporary: Features/Search (another helper's area on issue 9) still names PortalUrls without this using. Remove once
// Search/Public/Search.cshtml.cs imports Zwgk.Web.Features.Shared.Portal itself.
global using Zwgk.Web.Features.Shared.Portal;
