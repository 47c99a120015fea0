namespace TypedMail;

/// <summary>Checks text bound for a header before it is stored: a CR or LF there would start a new header (injection).</summary>
internal static class HeaderText
{
    public static void RefuseLineBreaks(string? value, string what)
    {
        if (value is not null && (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0))
        {
            throw new TypedMailException(ErrorCodes.HeaderInjection, $"The {what} contains a line break.");
        }
    }

    /// <summary>An RFC 5322 field name: printable US-ASCII except ':'.</summary>
    public static bool IsFieldName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c < 33 || c > 126 || c == ':')
            {
                return false;
            }
        }

        return true;
    }
}
