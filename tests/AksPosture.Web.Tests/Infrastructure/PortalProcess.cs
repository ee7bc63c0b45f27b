using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>
/// The built portal (src/AksPosture.Web's own output) running as a separate process, configured through environment
/// variables as an operator would, so a test can kill it for real (SIGKILL, as kill -9 does).
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(Process process) => _process = process;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Starts the portal and waits until it listens. <paramref name="settings"/> are environment variables (Section__Key).</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = WebOutputFolder();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(folder, "AksPosture.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var portal = new PortalProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        portal._process.OutputDataReceived += (_, e) => portal.Record(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Record(e.Data);
        portal._process.Exited += (_, _) => portal._listening.TrySetException(new InvalidOperationException($"The portal exited during start-up.\n{portal.Output}"));
        portal._process.Start();
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        try
        {
            portal.Client = new HttpClient { BaseAddress = await portal._listening.Task.WaitAsync(StartTimeout) };
        }
        catch (TimeoutException)
        {
            await portal.DisposeAsync();
            throw new TimeoutException($"The portal did not listen within {StartTimeout.TotalSeconds} s.\n{portal.Output}");
        }

        return portal;
    }

    /// <summary>The last lines the portal wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _output.TakeLast(80));

    /// <summary>Whether the portal has written a line containing <paramref name="text"/>.</summary>
    public bool Logged(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL, as kill -9: no shutdown code runs, open transactions and fetched jobs are left as they were.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    // The portal's own build output (bin/<configuration>/<framework>, like this test's), which holds its appsettings.
    private static string WebOutputFolder()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AksPosture.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository."),
            "src", "AksPosture.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "AksPosture.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"The portal is not built in {folder}: build the solution (or this test project) first.");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
