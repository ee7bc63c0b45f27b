using Npgsql;

namespace AksPosture.Web.Data;

/// <summary>
/// Runs work again when the database dropped it: a restart, a failover, a lost connection, a deadlock. Only for work
/// that is safe to repeat, as every run job is. The waits (1, 2, 4, 8, then 16 seconds) let a restart of a few seconds
/// cost a few seconds; past them the error goes on to Hangfire, whose retries come minutes apart.
/// </summary>
internal static class DatabaseRetry
{
    private static readonly TimeSpan[] Waits = [.. new[] { 1, 2, 4, 8, 16 }.Select(s => TimeSpan.FromSeconds(s))];

    public static async Task RunAsync(Func<Task> work, string what, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await work();
                return;
            }
            catch (Exception ex) when (attempt < Waits.Length && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{What} was interrupted by the database ({Error}); trying again in {Wait} s", what, ex.Message, Waits[attempt].TotalSeconds);
                // The pooled connections died with the server: open new ones rather than fail on each of them in turn.
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(Waits[attempt], cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
