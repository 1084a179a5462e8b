using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AidMarket.Benchmarks;

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

    public string Url { get; }
    public int Pid => _process.Id;

    public static async Task<AppProcess> StartAsync(string root, string connectionString, string dataDir, string name)
    {
        var dll = Path.Combine(root, "src/AidMarket.Web/bin/Release/net10.0/AidMarket.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution in Release first (tests/bench.sh does).");
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src/AidMarket.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        var env = psi.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__AidMarket"] = connectionString;
        env["SensitiveData__Key"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());
        env["Benchmark__Enabled"] = "true";
        env["Seed__Demo"] = "true";
        env["StandingOrders__Enabled"] = "false";
        env["Email__PickupDirectory"] = Path.Combine(dataDir, "mail");
        env["Storage__ProductImagesPath"] = Path.Combine(dataDir, "images");
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
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

    private async Task WaitReadyAsync(string logPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited with {_process.ExitCode}; see {logPath}");
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
    public double PeakMemoryMiB() => StatusKiB("VmHWM:") / 1024.0;

    public double MemoryMiB() => StatusKiB("VmRSS:") / 1024.0;

    private long StatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
