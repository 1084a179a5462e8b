using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace AidMarket.Web.Hosting;

public class LocalDatabaseOptions
{
    /// <summary>The app's data folder (see <see cref="AppDataDirectory"/>); the cluster is its pgdata/.</summary>
    public string? DataDirectory { get; set; }
    public int Port { get; set; } = 55432;
    public string Database { get; set; } = "aidmarket";
}

/// <summary>
/// The embedded database used when no connection string is configured: a PostgreSQL cluster of the
/// machine's own server binaries in a per-user folder, created on first run and kept between runs.
/// PostgreSQL refuses to run as root, so as root the cluster belongs to the "postgres" system user.
/// </summary>
public sealed class LocalPostgres
{
    private readonly string _binDir;
    private readonly bool _asPostgresUser;
    private readonly LocalDatabaseOptions _options;

    private LocalPostgres(LocalDatabaseOptions options, string binDir, string baseDir)
    {
        _options = options;
        _binDir = binDir;
        _asPostgresUser = Environment.UserName == "root";
        BaseDirectory = baseDir;
    }

    public string BaseDirectory { get; }
    /// <summary>The cluster was made by this start (an empty database), not found from an earlier run.</summary>
    public bool Created { get; private set; }
    public string DataDirectory => Path.Combine(BaseDirectory, "pgdata");
    public string LogFile => Path.Combine(BaseDirectory, "postgres.log");
    public string ConnectionString { get; private set; } = "";
    public string StopCommand => $"{Path.Combine(_binDir, "pg_ctl")} -D {DataDirectory} stop"
        + (_asPostgresUser ? " (as the postgres user: runuser -u postgres -- ...)" : "");

    public static async Task<LocalPostgres> StartAsync(LocalDatabaseOptions options, ILogger logger, CancellationToken ct = default)
    {
        var pg = new LocalPostgres(options, FindBinDir(), options.DataDirectory ?? AppDataDirectory.Default);
        await pg.InitializeAsync(logger, ct);
        await pg.StartServerAsync(logger, ct);
        await pg.EnsureDatabaseAsync(ct);
        return pg;
    }

    public async Task StopAsync()
    {
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false);
    }

    private static string FindBinDir()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Where(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
        return candidates.Concat(onPath).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries (initdb) were found. Install them with `apt-get install postgresql`, "
                + "or set ConnectionStrings__AidMarket to use an existing server.");
    }

    private string PasswordFile => Path.Combine(BaseDirectory, "password");

    private async Task InitializeAsync(ILogger logger, CancellationToken ct)
    {
        Directory.CreateDirectory(BaseDirectory);
        // Others may only pass through (the postgres user as root); the password file stays private.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(BaseDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION"))) return;

        logger.LogInformation("Creating the local PostgreSQL cluster in {Dir}", DataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await File.WriteAllTextAsync(PasswordFile, password, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the superuser password from a file it can open as the cluster's owner.
        var pwfile = Path.Combine(BaseDirectory, "initdb-password");
        await File.WriteAllTextAsync(pwfile, password, ct);
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true); // a half-made cluster
        Directory.CreateDirectory(DataDirectory);
        if (_asPostgresUser)
            await RunProcessAsync("chown", ["postgres:postgres", DataDirectory, pwfile], ct);
        try
        {
            await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--pwfile", pwfile], ct);
            Created = true;
        }
        finally
        {
            File.Delete(pwfile);
        }
    }

    private async Task StartServerAsync(ILogger logger, CancellationToken ct)
    {
        var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = _options.Port, Username = "postgres", Password = password, Database = _options.Database,
        }.ConnectionString;

        if (await RunAsync("pg_ctl", ["-D", DataDirectory, "status"], ct, throwOnError: false) == 0)
        {
            logger.LogInformation("The local PostgreSQL in {Dir} is already running; using it", DataDirectory);
            return;
        }
        if (_asPostgresUser)
        {
            await RunProcessAsync("touch", [LogFile], ct);
            await RunProcessAsync("chown", ["postgres:postgres", LogFile], ct);
        }
        logger.LogInformation("Starting the local PostgreSQL on 127.0.0.1:{Port}", _options.Port);
        // setsid: Ctrl+C in the terminal stops the app, which then stops the server in order.
        var exit = await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o",
            $"-p {_options.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start"], ct, throwOnError: false, setsid: true);
        if (exit != 0)
        {
            var tail = File.Exists(LogFile) ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(8)) : "";
            throw new InvalidOperationException(
                $"The local PostgreSQL did not start on 127.0.0.1:{_options.Port}. If another program uses that port, set "
                + $"LocalDatabase__Port to a free one. Its log ({LogFile}) ends with:{Environment.NewLine}{tail}");
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private Task<int> RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true, bool setsid = false)
    {
        var command = new List<string>();
        if (_asPostgresUser) command.AddRange(["runuser", "-u", "postgres", "--"]);
        if (setsid) command.Add("setsid");
        command.Add(Path.Combine(_binDir, tool));
        command.AddRange(args);
        return RunProcessAsync(command[0], command.Skip(1).ToArray(), ct, throwOnError);
    }

    private static async Task<int> RunProcessAsync(string file, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        return process.ExitCode;
    }
}
