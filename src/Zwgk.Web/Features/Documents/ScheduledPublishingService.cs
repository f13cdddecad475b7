namespace Zwgk.Web.Features.Documents;

/// <summary>Releases scheduled documents when their time comes (checked every 30 seconds).</summary>
public sealed class ScheduledPublishingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublishingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var released = await scope.ServiceProvider.GetRequiredService<DocumentService>().ReleaseDueAsync(stoppingToken);
                if (released > 0) log.LogInformation("Released {Count} scheduled documents", released);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Scheduled publishing failed");
            }
        }
    }
}
