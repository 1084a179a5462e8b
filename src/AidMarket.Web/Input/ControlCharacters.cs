namespace AidMarket.Web.Input;

/// <summary>
/// Text no form or address of ours legitimately carries: C0 control characters other than tab and line breaks (a NUL
/// cannot even be stored: PostgreSQL refuses it in text, error 22021).
/// </summary>
public static class ControlCharacters
{
    public static bool In(string? text)
    {
        if (text is null) return false;
        foreach (var c in text)
            if (c < ' ' && c is not ('\t' or '\r' or '\n')) return true;
        return false;
    }
}
