namespace TypedMail.Analyzers.Messages;

/// <summary>Checks on literal header values shared by the attribute and the call analyzers.</summary>
internal static class HeaderLiterals
{
    /// <summary>Whether the text holds a CR or LF.</summary>
    public static bool HasLineBreak(string text) => text.IndexOf('\r') >= 0 || text.IndexOf('\n') >= 0;

    /// <summary>
    /// Whether an address list holds a CR or LF inside a quoted display name: outside quotes a line break separates
    /// list items, as in 4D, so only a quoted one would reach a header.
    /// </summary>
    public static bool HasQuotedLineBreak(string text)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (inQuotes && (c == '\r' || c == '\n'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with CR and LF made visible, for a message.</summary>
    public static string Show(string text) => "'" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "'";
}
