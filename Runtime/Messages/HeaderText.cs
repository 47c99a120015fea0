namespace TypedMail;

/// <summary>
/// Checks text bound for a header before it is stored: a line break would start a new header (injection), and a NUL or
/// other control character has no place in a header (RFC 5322 §3.2.5, §3.5).
/// </summary>
internal static class HeaderText
{
    /// <summary>
    /// Refuses CR, LF, the Unicode line separators (U+0085, U+2028, U+2029), NUL and every other control character but
    /// the tab, with code <see cref="ErrorCodes.HeaderInjection"/> naming the character.
    /// </summary>
    public static void RefuseLineBreaks(string? value, string what)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            if (AddressCharacters.IsLineBreak(c))
            {
                throw new TypedMailException(ErrorCodes.HeaderInjection, $"The {what} contains a line break ({Name(c)}).");
            }

            if (char.IsControl(c) && c != '\t')
            {
                throw new TypedMailException(ErrorCodes.HeaderInjection, $"The {what} contains the control character {Name(c)}.");
            }
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

    private static string Name(char c) => c switch
    {
        '\r' => "CR",
        '\n' => "LF",
        '\0' => "NUL",
        _ => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
    };
}
