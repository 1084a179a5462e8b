using System.Text;

namespace AidMarket.Web.Input;

/// <summary>Where to send someone back to after a language switch or a login: a path of this site, written as a header can carry it.</summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> if it is a path on this site ("/" otherwise, also for control characters, which the redirect
    /// would refuse); characters outside ASCII are percent-encoded, as a Location header holds only ASCII.
    /// </summary>
    public static string Safe(string? url)
    {
        if (!LocalizationSetup.IsLocal(url) || url.Any(c => c < ' ' || c == '\u007f')) return "/";
        if (url.All(char.IsAscii)) return url;
        var escaped = new StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii) { escaped.Append((char)rune.Value); continue; }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) escaped.Append('%').Append(b.ToString("X2"));
        }
        return escaped.ToString();
    }
}
