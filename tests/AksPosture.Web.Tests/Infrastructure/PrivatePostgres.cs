using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own, in a temporary folder on a free port, for tests that restart or stop the
/// server: the shared test server (scripts/test.sh) must keep running for everyone else. Uses the newest installed
/// PostgreSQL, as scripts/local-postgres.sh does; as root the server runs as the postgres user (it refuses root).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string ServerUser = "postgres";

    private readonly string _bin;
    private readonly string _root;

    private PrivatePostgres(string bin, string root, int port, string password)
    {
        _bin = bin;
        _root = root;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Database = "aksposture", Username = "aksposture", Password = password,
        }.ConnectionString;
    }

    /// <summary>The database <c>aksposture</c> on this server.</summary>
    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "postgres.log");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = FindServer();
        var root = Directory.CreateTempSubdirectory("aksposture-pg-").FullName;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var server = new PrivatePostgres(bin, root, FreePort(), password);
        try
        {
            var passwordFile = Path.Combine(root, "password");
            await File.WriteAllTextAsync(passwordFile, password);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", "-R", $"{ServerUser}:", root);
            }

            await server.ServerCommandAsync("initdb", "-D", server.DataFolder, "-U", "aksposture", $"--pwfile={passwordFile}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync");
            var port = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
            await server.ServerCommandAsync("pg_ctl", "start", "-w", "-t", "120", "-D", server.DataFolder, "-l", server.LogFile,
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {root}");
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE aksposture", connection);
            await create.ExecuteNonQueryAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fast restart: connected clients are cut off, open transactions roll back, then the server is back.</summary>
    public Task RestartAsync() =>
        ServerCommandAsync("pg_ctl", "restart", "-w", "-t", "120", "-m", "fast", "-D", DataFolder, "-l", LogFile);

    /// <summary>The server's log, for failure messages.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await ServerCommandAsync("pg_ctl", "stop", "-w", "-m", "immediate", "-D", DataFolder);
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task ServerCommandAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", ServerUser, "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private static string FindServer()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")) && int.TryParse(Path.GetFileName(d), out _))
                .OrderByDescending(d => int.Parse(Path.GetFileName(d)))
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "No PostgreSQL server in /usr/lib/postgresql/*/bin: this test starts a server of its own. Install it " +
            "(scripts/local-postgres.sh does, or 'apt-get install postgresql').");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
