using System.Text;

namespace TypedMail;

/// <summary>The character classes of the address grammar, and how a refused text is shown in an error.</summary>
internal static class AddressCharacters
{
    /// <summary>
    /// CR, LF and the Unicode line and paragraph separators (U+0085, U+2028, U+2029): SMTP breaks lines only at CRLF,
    /// but some software breaks at any of them, so none may reach a header.
    /// </summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>atext (RFC 5322 §3.2.3), plus any non-ASCII character that is neither a control nor a space (RFC 6532).</summary>
    public static bool IsAtext(char c) =>
        c > 127 ? IsPrintableNonAscii(c) : IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".IndexOf(c) >= 0;

    /// <summary>A domain label's character: ASCII letter, digit or hyphen, or a non-ASCII character of an IDN label.</summary>
    public static bool IsLabelChar(char c) => c > 127 ? IsPrintableNonAscii(c) : IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>
    /// qtextSMTP (RFC 5321 §4.1.2: ASCII 32, 33, 35..91, 93..126) plus non-ASCII (RFC 6531); <paramref name="allowTab"/>
    /// adds the tab a display name's folding white space may hold (RFC 5322 §3.2.4).
    /// </summary>
    public static bool IsQtext(char c, bool allowTab) =>
        c is ' ' or '!' or >= '#' and <= '[' or >= ']' and <= '~' || (allowTab && c == '\t') || (c > 127 && IsPrintableNonAscii(c));

    /// <summary>
    /// What may follow a backslash in a quoted string: ASCII 32..126 (quoted-pairSMTP); <paramref name="displayName"/>
    /// also allows a tab and non-ASCII (RFC 5322 quoted-pair with RFC 6532's VCHAR).
    /// </summary>
    public static bool IsQuotedPairChar(char c, bool displayName) =>
        c is >= ' ' and <= '~' || (displayName && (c == '\t' || (c > 127 && IsPrintableNonAscii(c))));

    /// <summary>The text between single quotes, controls and line separators shown as escapes so an error message stays one line.</summary>
    public static string Show(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r': sb.Append("\\r"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || IsLineBreak(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('\'').ToString();
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsPrintableNonAscii(char c) => !char.IsControl(c) && !char.IsWhiteSpace(c) && !IsLineBreak(c);
}
