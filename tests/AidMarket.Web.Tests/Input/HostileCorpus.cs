using System.Globalization;

namespace AidMarket.Web.Tests.Input;

/// <summary>One kind of bad input: the value it puts in a field of a given type, or null to leave the field a sensible value.</summary>
public sealed record HostileClass(string Name, Func<Type, string?> Value);

/// <summary>The inputs an attacker (or a clumsy script) sends, by field type; and sensible values for the fields a class leaves alone.</summary>
public static class HostileCorpus
{
    public static readonly HostileClass[] FieldClasses =
    [
        new("nul", t => t == typeof(string) ? "a\0b" : null),
        new("control", t => t == typeof(string) ? "\u0001\u0007\u001b[0m\u202e\ufeff\uffff\U0001F4A9" : null),
        new("whitespace", t => t == typeof(string) ? " \u3000\t " : null),
        new("max", t => Limit(t, max: true)),
        new("min", t => Limit(t, max: false)),
        new("beyond", t => IsNumber(t) ? "99999999999999999999999999999999999" : null),
        new("garbage", t => t == typeof(string) ? null : t == typeof(bool) ? "maybe" : "1x"),
    ];

    /// <summary>Page numbers whose offset overflows an int.</summary>
    public static readonly KeyValuePair<string, string>[] HugePage = [new("p", "2147483647"), new("page", "2147483647")];

    /// <summary>Bodies for a JSON endpoint: not JSON, cut short, the wrong shapes, NUL and overflowing numbers inside.</summary>
    public static readonly (string Name, string Body)[] JsonBodies =
    [
        ("not json", "lines=1"), ("cut short", "{\"lines\":[{\"code\":"), ("null", "null"), ("array", "[]"), ("empty", ""),
        ("wrong types", "{\"lines\":\"x\",\"requestedDeliveryDate\":true}"),
        ("nul", "{\"deliveryAddress\":\"a\\u0000b\",\"requestedDeliveryDate\":\"2031-01-01\",\"lines\":[{\"code\":\"a\\u0000\",\"quantity\":1}]}"),
        ("overflow", "{\"deliveryAddress\":\"x\",\"requestedDeliveryDate\":\"9999-12-31\",\"lines\":[{\"code\":\"x\",\"quantity\":99999999999999}]}"),
        ("max quantity", "{\"deliveryAddress\":\"x\",\"requestedDeliveryDate\":\"2031-01-01\",\"lines\":[{\"productId\":\"{product}\",\"quantity\":2147483647}]}"),
    ];

    /// <summary>A value a user could have typed for a field of <paramref name="type"/>.</summary>
    public static string Sensible(Type type, string name, Guid id) => type switch
    {
        _ when type == typeof(string) => name.Contains("Email") ? "someone@example.cn" : "测试",
        _ when type == typeof(bool) => "true",
        _ when type == typeof(Guid) => id.ToString(),
        _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"),
        _ when type.IsEnum => Enum.GetNames(type)[0],
        _ when type == typeof(decimal) || type == typeof(double) => "1.5",
        _ => "1",
    };

    private static bool IsNumber(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(short) || t == typeof(double);

    private static string? Limit(Type t, bool max) => t switch
    {
        _ when t == typeof(int) => (max ? int.MaxValue : int.MinValue).ToString(CultureInfo.InvariantCulture),
        _ when t == typeof(long) => (max ? long.MaxValue : long.MinValue).ToString(CultureInfo.InvariantCulture),
        _ when t == typeof(decimal) => (max ? decimal.MaxValue : decimal.MinValue).ToString(CultureInfo.InvariantCulture),
        _ when t == typeof(DateOnly) => max ? "9999-12-31" : "0001-01-01",
        _ => null,
    };
}
