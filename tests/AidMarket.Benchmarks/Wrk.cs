using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AidMarket.Benchmarks;

public sealed record LoadResult(string Name, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, double PeakMemoryMiB);

/// <summary>Drives the app with wrk (Debian's package) and reads its summary: requests/s, the latency distribution and errors.</summary>
public static partial class Wrk
{
    public static async Task<LoadResult> RunAsync(string name, string url, string luaScript, int connections, int seconds, string workDir)
    {
        var script = Path.Combine(workDir, $"{name.Replace(' ', '-')}.lua");
        await File.WriteAllTextAsync(script, luaScript);
        var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "--latency", "-s", script, url })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("wrk did not start (is it installed?)");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}{output}");
        await File.WriteAllTextAsync(Path.ChangeExtension(script, ".out"), output);
        return Parse(name, output);
    }

    public static LoadResult Parse(string name, string output)
    {
        double rps = double.Parse(RequestsPerSec().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        long requests = long.Parse(RequestsTotal().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        long errors = 0;
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success) errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        var socket = SocketErrors().Match(output);
        if (socket.Success)
            errors += Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture));
        return new LoadResult(name, rps, Percentile(output, "50%"), Percentile(output, "99%"), requests, errors, 0);
    }

    private static double Percentile(string output, string which)
    {
        var m = Regex.Match(output, @"^\s+" + Regex.Escape(which) + @"\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => value * 60_000 };
    }

    /// <summary>A script that GETs a random path of <paramref name="paths"/> on every request (each wrk thread seeded apart).</summary>
    public static string RandomGets(IEnumerable<string> paths)
    {
        var lua = new StringBuilder("local paths = {\n");
        foreach (var p in paths) lua.Append("  \"").Append(p).Append("\",\n");
        lua.Append("}\n").Append(ThreadSeed).Append("""
            request = function()
              return wrk.format("GET", paths[math.random(#paths)])
            end
            """);
        return lua.ToString();
    }

    /// <summary>A script that POSTs API orders of 10 lines across 3 random suppliers (4 + 3 + 3 products), each with a new Idempotency-Key.</summary>
    /// <summary>
    /// Stripe webhook deliveries signed with <paramref name="secret"/> as Stripe signs them (t=..., v1=HMAC-SHA256 of "t.payload"),
    /// <paramref name="count"/> distinct payment_intent.succeeded events cycled by each thread: the first pass stores new events,
    /// later passes are replays the endpoint acknowledges and ignores. Signed now, so the run must stay within the tolerance.
    /// </summary>
    public static string StripeWebhooks(string secret, int count)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var key = Encoding.UTF8.GetBytes(secret);
        var lua = new StringBuilder("local events = {\n");
        for (var i = 0; i < count; i++)
        {
            var id = $"evt_bench_{i:D7}";
            var payload = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-01-27.acacia\",\"type\":\"payment_intent.succeeded\","
                          + "\"livemode\":false,\"pending_webhooks\":1,\"created\":" + timestamp + ",\"data\":{\"object\":{\"id\":\"pi_bench_" + i.ToString("D7")
                          + "\",\"object\":\"payment_intent\",\"amount\":186200,\"amount_received\":186200,\"currency\":\"cny\",\"status\":\"succeeded\","
                          + "\"metadata\":{\"invoice_id\":\"" + Guid.NewGuid() + "\",\"reference\":\"AM" + i.ToString("D10") + "\"}}}}";
            var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
            lua.Append("  {[==[").Append(payload).Append("]==], \"t=").Append(timestamp).Append(",v1=").Append(signature).Append("\"},\n");
        }
        lua.Append("}\n").Append(ThreadSeed).Append("""
            local n = nil
            request = function()
              if n == nil then n = math.random(#events) end
              n = n % #events + 1
              local e = events[n]
              return wrk.format("POST", "/stripe/webhook", { ["Content-Type"] = "application/json", ["Stripe-Signature"] = e[2] }, e[1])
            end
            """);
        return lua.ToString();
    }

    public static string ApiOrders(string apiKey, IReadOnlyList<(Guid Id, int MinOrder)[]> suppliers)
    {
        var lua = new StringBuilder("local suppliers = {\n");
        foreach (var products in suppliers)
            lua.Append("  {").AppendJoin(", ", products.Select(p => $"{{\"{p.Id}\", {p.MinOrder}}}")).Append("},\n");
        lua.Append("}\n").Append(ThreadSeed).Append($$"""
            local counter = 0
            local function lines(s, n, out)
              for i = 1, n do
                local p = suppliers[s][i]
                out[#out + 1] = string.format('{"productId":"%s","quantity":%d}', p[1], p[2])
              end
            end
            request = function()
              counter = counter + 1
              local a = math.random(#suppliers)
              local b = a % #suppliers + 1
              local c = b % #suppliers + 1
              local out = {}
              lines(a, 4, out); lines(b, 3, out); lines(c, 3, out)
              local body = '{"buyerPoNumber":"BENCH-' .. id .. '-' .. counter .. '","costCenter":"食堂","deliveryAddress":"广州市海珠区新港中路1号",'
                .. '"requestedDeliveryDate":"2030-01-15","notes":"","lines":[' .. table.concat(out, ",") .. ']}'
              return wrk.format("POST", "/api/v1/orders", {
                ["Authorization"] = "Bearer {{apiKey}}",
                ["Content-Type"] = "application/json",
                ["Idempotency-Key"] = "bench-" .. id .. "-" .. seed .. "-" .. counter,
              }, body)
            end
            """);
        return lua.ToString();
    }

    private const string ThreadSeed = """
        local next_id = 0
        setup = function(thread)
          next_id = next_id + 1
          thread:set("id", next_id)
        end
        seed = 0
        init = function(args)
          seed = os.time() * 100 + id
          math.randomseed(seed)
        end

        """;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")] private static partial Regex RequestsPerSec();
    [GeneratedRegex(@"(\d+) requests in")] private static partial Regex RequestsTotal();
    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")] private static partial Regex Non2xx();
    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")] private static partial Regex SocketErrors();
}
