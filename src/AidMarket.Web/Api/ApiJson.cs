using System.Text.Json;
using System.Text.Json.Serialization;
using AidMarket.Web.Input;

namespace AidMarket.Web.Api;

/// <summary>
/// Reads an API request body. Minimal APIs answer a body they cannot read with an empty 400; reading it here lets the API
/// say why in problem+json, and refuses text with control characters (PostgreSQL cannot store a NUL) the same way.
/// </summary>
public static class ApiJson
{
    public const string Expected = "The body must be a JSON object of the documented shape (Content-Type: application/json), with numbers in range and no control characters in text.";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new PlainText() } };

    /// <summary>The body as <typeparamref name="T"/>, or null if it is not JSON of that shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest http, CancellationToken ct) where T : class
    {
        if (!http.HasJsonContentType()) return null;
        try { return await http.ReadFromJsonAsync<T>(Options, ct); }
        catch (JsonException) { return null; }
    }

    private sealed class PlainText : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected text.");
            var text = reader.GetString();
            return ControlCharacters.In(text) ? throw new JsonException("Control characters in text.") : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
