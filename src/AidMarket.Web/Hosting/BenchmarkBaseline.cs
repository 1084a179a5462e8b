using System.Text;
using System.Text.Encodings.Web;
using Npgsql;

namespace AidMarket.Web.Hosting;

/// <summary>
/// The yardstick of tests/bench.sh: the least a page that shows data can do (12 rows read with raw Npgsql, written as an
/// HTML table, no EF, no Razor, no layout). Mapped only when <c>Benchmark:Enabled</c> is true.
/// </summary>
public static class BenchmarkBaseline
{
    public const string Path = "/bench/baseline";

    public static void MapBenchmarkBaseline(this WebApplication app, string connectionString)
    {
        if (!app.Configuration.GetValue<bool>("Benchmark:Enabled")) return;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapGet(Path, async (HttpContext http, CancellationToken ct) =>
        {
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>baseline</title></head><body><table>")
                .Append("<tr><th>证书编号</th><th>名称</th><th>单位</th><th>价格</th></tr>");
            await using (var cmd = dataSource.CreateCommand("SELECT certificate_number, name_zh, unit, base_price_fen FROM products ORDER BY id LIMIT 12"))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    html.Append("<tr><td>").Append(HtmlEncoder.Default.Encode(reader.IsDBNull(0) ? "" : reader.GetString(0)))
                        .Append("</td><td>").Append(HtmlEncoder.Default.Encode(reader.GetString(1)))
                        .Append("</td><td>").Append(HtmlEncoder.Default.Encode(reader.GetString(2)))
                        .Append("</td><td>").Append(new Money(reader.GetInt64(3)).Yuan.ToString("0.00")).Append("</td></tr>");
                }
            }
            html.Append("</table></body></html>");
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(html.ToString(), ct);
        });
    }
}
