using Zwgk.Domain.Site;

namespace Zwgk.Web.Features.Shared.Portal;

public sealed record NavItem(string Key, string Text, string Href);

/// <summary>What the portal layout needs on every page: site identity and the main navigation.</summary>
public sealed record PortalFrame(SiteSettings Site, IReadOnlyList<NavItem> Nav);

/// <summary>Source of the layout's frame; the shared layout depends on this, the portal feature implements it.</summary>
public interface IPortalChrome
{
    Task<PortalFrame> GetAsync(CancellationToken ct = default);
}
