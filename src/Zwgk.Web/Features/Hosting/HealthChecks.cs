using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;

namespace Zwgk.Web.Features.Hosting;

public sealed class DatabaseHealthCheck(ZwgkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy($"{db.Provider} 连接正常")
                : HealthCheckResult.Unhealthy($"{db.Provider} 无法连接");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{db.Provider} 无法连接：{ex.GetType().Name}");
        }
    }
}

public sealed class StorageHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(store.IsWritable() ? HealthCheckResult.Healthy("文件存储可写") : HealthCheckResult.Unhealthy("文件存储不可写"));
}
