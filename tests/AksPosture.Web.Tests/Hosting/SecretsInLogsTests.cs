using System.Collections.Concurrent;
using AksPosture.Web.Tests.Access;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AksPosture.Web.Tests.Hosting;

/// <summary>Every log line, at every level, while tokens come and go: none may hold a token or the client secret.</summary>
public sealed class SecretsInLogsTests(SecretsInLogsTests.LoggedPortal portal) : IClassFixture<SecretsInLogsTests.LoggedPortal>
{
    [Fact]
    public async Task Logs_AuthenticatedRequestsAndRejectedTokens_HoldNoTokenOrSecret()
    {
        var token = portal.Provider.AccessToken(EntraPortalFixture.Admin);
        var stranger = portal.Provider.AccessToken(EntraPortalFixture.Admin, strangerKey: true);
        var expired = portal.Provider.AccessToken(EntraPortalFixture.Admin, c => c["exp"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        portal.Logs.Clear();

        using (var admin = EntraPortalFixture.WithToken(portal.ClientAs(null), token))
        {
            (await admin.GetAsync("/api/v1/schedules")).EnsureSuccessStatusCode();
            (await admin.PostJsonAsync("/api/v1/schedules", """{ "name": "Logged", "cron": "0 5 * * *" }""")).EnsureSuccessStatusCode();
        }

        foreach (var rejected in new[] { stranger, expired })
        {
            using var client = EntraPortalFixture.WithToken(portal.ClientAs(null), rejected);
            await client.GetAsync("/api/v1/schedules");
        }

        var logs = portal.Logs.ToList();
        Assert.Contains(logs, l => l.Contains("JwtBearer", StringComparison.Ordinal) || l.Contains("Bearer", StringComparison.Ordinal));
        foreach (var secret in new[] { token, stranger, expired }.SelectMany(t => t.Split('.')).Where(p => p.Length > 20).Append("test-client-secret"))
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
        }

        await using var db = await portal.CreateDbAsync();
        var stored = (await db.AuditLog.AsNoTracking().ToListAsync()).Select(a => $"{a.ActorId} {a.ActorName} {a.Before} {a.After}").ToList();
        Assert.Contains(stored, s => s.Contains("Logged", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, s => s.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    /// <summary>The Entra ID portal, logging everything at Trace into <see cref="Logs"/>.</summary>
    public sealed class LoggedPortal : EntraPortalFixture
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override bool SampleFleet => false;

        protected override bool Worker => false;

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
            services.Configure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Trace;
            });
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            logs.Enqueue($"scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Enqueue($"{formatter(state, exception)} {values} {exception}");
        }

        public void Dispose()
        {
        }
    }
}
