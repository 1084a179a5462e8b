using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AidMarket.Testing;

/// <summary>The Release build of AidMarket.Web run as its own process on loopback, as users run it, so its memory is its own.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, string url, StreamWriter log)
    {
        _process = process;
        Url = url;
        _log = log;
    }

    /// <summary>One random household-data key per test run, shared by every instance (a key written in the repository is refused).</summary>
    public static readonly string HouseholdKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string Url { get; }
    public int Pid => _process.Id;

    /// <summary>The checkout this code was built from (the folder holding AidMarket.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AidMarket.sln"))) return dir.FullName;
        throw new InvalidOperationException("AidMarket.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The configuration the calling assembly was built in, so a test runs the app build next to it.</summary>
    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    /// <summary>The app's build of this configuration (Release or Debug) under <paramref name="root"/>.</summary>
    public static string WebDll(string root, string? configuration = null)
    {
        configuration ??= BuildConfiguration;
        var dll = Path.Combine(root, $"src/AidMarket.Web/bin/{configuration}/net10.0/AidMarket.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution in {configuration} first.");
    }

    /// <summary>Starts the web app and waits until it is ready; <paramref name="settings"/> are extra configuration (environment) values.</summary>
    public static async Task<AppProcess> StartAsync(string root, string connectionString, string dataDir, string name,
        IReadOnlyDictionary<string, string>? settings = null, string? configuration = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = StartInfo(root, connectionString, dataDir, configuration, settings, "--urls", url);
        var log = new StreamWriter(Path.Combine(dataDir, $"{name}.log")) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the app");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, url, log);
        await app.WaitReadyAsync(Path.Combine(dataDir, $"{name}.log"));
        return app;
    }

    public sealed record CommandResult(int ExitCode, string Output, TimeSpan Elapsed, double PeakMemoryMiB);

    /// <summary>Runs one of the app's operator commands (e.g. "ledger verify") to the end, sampling its peak memory.</summary>
    public static async Task<CommandResult> RunCommandAsync(string root, string connectionString, string dataDir, string[] command,
        IReadOnlyDictionary<string, string>? settings = null, string? configuration = null)
    {
        var psi = StartInfo(root, connectionString, dataDir, configuration, settings, command);
        var output = new System.Text.StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the app");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peakKiB = 0;
        while (!process.WaitForExit(100))
            peakKiB = Math.Max(peakKiB, StatusKiB(process.Id, "VmHWM:"));
        await process.WaitForExitAsync();
        lock (output) return new CommandResult(process.ExitCode, output.ToString(), clock.Elapsed, peakKiB / 1024.0);
    }

    private static ProcessStartInfo StartInfo(string root, string connectionString, string dataDir, string? configuration,
        IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src/AidMarket.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(WebDll(root, configuration));
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        var env = psi.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__AidMarket"] = connectionString;
        env["SensitiveData__Key"] = HouseholdKey;
        env["Benchmark__Enabled"] = "true";
        env["Seed__Demo"] = "true";
        env["StandingOrders__Enabled"] = "false";
        env["Email__PickupDirectory"] = Path.Combine(dataDir, "mail");
        env["Storage__ProductImagesPath"] = Path.Combine(dataDir, "images");
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;
        return psi;
    }

    private async Task WaitReadyAsync(string logPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // its last output reaches the log
                string tail;
                lock (_log) tail = string.Join(Environment.NewLine, File.ReadLines(logPath).TakeLast(15));
                throw new InvalidOperationException($"the app exited with {_process.ExitCode}; {logPath} ends with:{Environment.NewLine}{tail}");
            }
            try
            {
                if ((await http.GetAsync(Url + "/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the app did not become ready in 3 minutes; see {logPath}");
    }

    /// <summary>Peak resident memory of the app process so far (VmHWM), in MiB.</summary>
    public double PeakMemoryMiB() => StatusKiB(_process.Id, "VmHWM:") / 1024.0;

    public double MemoryMiB() => StatusKiB(_process.Id, "VmRSS:") / 1024.0;

    /// <summary>Stops the app as Ctrl+C or `docker stop` would (SIGTERM), so its shutdown code runs.</summary>
    public async Task StopAsync()
    {
        if (_disposed || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or power loss would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_disposed || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static long StatusKiB(int pid, string field)
    {
        string[] lines;
        try { lines = File.ReadAllLines($"/proc/{pid}/status"); }
        catch (IOException) { return 0; }
        foreach (var line in lines)
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
        return 0;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
