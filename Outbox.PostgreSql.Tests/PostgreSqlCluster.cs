using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Npgsql;

namespace TypedMail.Outbox.PostgreSql.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's postgresql package) in a temporary folder on a free loopback port, started
/// once for the test collection and stopped at the end. The server refuses to run as root: as root it runs as postgres.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    public const string Collection = "PostgreSQL cluster";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "typedmail-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";
    private int _databases;

    public int Port { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: these tests need Debian's postgresql package (.ci/run installs it: apt-get install postgresql).");
        }

        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", _directory);
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var data = Path.Combine(_directory, "data");
        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", data, "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "-l", Path.Combine(_directory, "log"), "-w", "start");
    }

    /// <summary>A new empty database for one test: its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"outbox_{System.Threading.Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await create.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_bin.Length > 0 && Directory.Exists(Path.Combine(_directory, "data")))
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "stop", "-m", "immediate");
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-folder cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Idem.
        }
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}

[CollectionDefinition(PostgreSqlCluster.Collection)]
public sealed class PostgreSqlClusterCollection : ICollectionFixture<PostgreSqlCluster>
{
}
