using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace AksPosture.Web.Features.Jobs;

/// <summary>
/// Hangfire keeps one log provider per process. When a host that set it is disposed while another lives on (several
/// portals in one test process), its logger factory is gone; logging then goes nowhere instead of failing the job.
/// </summary>
internal sealed class ResilientLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name) => new ResilientLog(() => _inner.GetLogger(name));

    private sealed class ResilientLog(Func<ILog> create) : ILog
    {
        private ILog? _log;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _log ??= create();
                return _log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
