using Zwgk.Domain.Documents;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Web.Features.Portal;

/// <summary>Model of the shared document list partial (/Features/Portal/_DocList.cshtml).</summary>
public sealed record DocListModel(IReadOnlyList<DocumentListItem> Items, DateOnly Today, bool ShowNumber = true, string? EmptyText = null);

/// <summary>Model of the pager partial; Url builds the link of a page number.</summary>
public sealed record PagerModel(int Page, int Pages, int Total, Func<int, string> Url);
