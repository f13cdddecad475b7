using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Ledger;

public static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/ledger/evidence/{id:int}", DownloadEvidence).RequireAuthorization(Policies.BackOffice);
    }

    /// <summary>An evidence file of a task the user may see (audited); anything else is not found.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadEvidence(int id, LedgerService service, CancellationToken ct)
    {
        if (await service.OpenEvidenceAsync(id, ct) is not { } found) return TypedResults.NotFound();
        return TypedResults.File(found.Content, found.Evidence.ContentType ?? "application/octet-stream", found.Evidence.FileName);
    }
}
