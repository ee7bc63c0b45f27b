using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Metrics;

/// <summary>Recomputes the metrics snapshot at start and then every <see cref="MetricsOptions.RefreshInterval"/>.</summary>
public sealed partial class PostureMetricsRefresher(
    PostureMetricsCollector collector, PostureMeter meter, IOptions<MetricsOptions> options, TimeProvider time, ILogger<PostureMetricsRefresher> logger)
    : BackgroundService
{
    /// <summary>Recomputes now; also what the timer calls.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) => meter.Publish(await collector.CollectAsync(cancellationToken));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The last good snapshot stays published; a database that is down for a moment must not stop the portal.
                LogRefreshFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the posture metrics; /metrics keeps the previous figures.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
