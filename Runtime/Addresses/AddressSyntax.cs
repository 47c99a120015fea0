using System.Collections.Generic;
using System.Text;

namespace TypedMail;

/// <summary>
/// The RFC 5322 mailbox syntax (with RFC 6531 UTF-8 and IDN domains), shared by the runtime at send time and the
/// analyzers at compile time so that both accept and refuse the same addresses. Lists are separated by commas,
/// semicolons, CR or LF outside quotes and angle brackets, as 4D's address lists are.
/// </summary>
public static class AddressSyntax
{
    /// <summary>Reads one mailbox: <c>user@domain</c> or <c>Display Name &lt;user@domain&gt;</c>.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="mailbox">The mailbox read, when the text is valid.</param>
    /// <param name="error">Why the text is not a valid mailbox, naming what is wrong.</param>
    public static bool TryParseMailbox(string? text, out ParsedMailbox? mailbox, out string? error)
    {
        mailbox = null;
        if (text is null || text.Trim().Length == 0)
        {
            error = "the address is empty";
            return false;
        }

        var s = text.Trim();
        if (!CheckBalanced(s, out error))
        {
            return false;
        }

        var open = IndexOutsideQuotes(s, '<');
        if (open < 0)
        {
            if (!TryParseAddrSpec(s, out var local, out var domain, out error))
            {
                return false;
            }

            mailbox = new ParsedMailbox(null, local!, domain!);
            return true;
        }

        var close = s.LastIndexOf('>');
        if (close < open)
        {
            error = $"'{text}' has a '<' with no closing '>'";
            return false;
        }

        if (close != s.Length - 1)
        {
            error = $"'{text}' has text after the closing '>'";
            return false;
        }

        if (!TryParsePhrase(s.Substring(0, open).Trim(), out var displayName, out error)
            || !TryParseAddrSpec(s.Substring(open + 1, close - open - 1).Trim(), out var l, out var d, out error))
        {
            return false;
        }

        mailbox = new ParsedMailbox(displayName, l!, d!);
        return true;
    }

    /// <summary>Reads an address list. Empty items (a trailing comma, a blank line) are skipped.</summary>
    /// <param name="text">The list.</param>
    /// <param name="mailboxes">Every mailbox of the list, in order, when all are valid.</param>
    /// <param name="error">Why the list is not valid, naming the item at fault.</param>
    public static bool TryParseList(string? text, out IReadOnlyList<ParsedMailbox> mailboxes, out string? error)
    {
        var result = new List<ParsedMailbox>();
        mailboxes = result;
        error = null;
        if (text is null)
        {
            return true;
        }

        foreach (var item in Split(text))
        {
            if (item.Trim().Length == 0)
            {
                continue;
            }

            if (!TryParseMailbox(item, out var mailbox, out error))
            {
                return false;
            }

            result.Add(mailbox!);
        }

        return true;
    }

    /// <summary>Splits an address list on ',', ';', CR and LF outside quoted strings and angle brackets.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        var angle = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    i = ClosingQuote(text, i);
                    break;
                case '<':
                    angle++;
                    break;
                case '>':
                    angle--;
                    break;
                case ',' or ';' or '\r' or '\n' when angle <= 0:
                    yield return text.Substring(start, i - start);
                    start = i + 1;
                    break;
            }
        }

        yield return text.Substring(start);
    }

    private static bool CheckBalanced(string s, out string? error)
    {
        var brackets = 0;
        var angles = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    i = ClosingQuote(s, i);
                    if (i == s.Length)
                    {
                        error = $"'{s}' has an unclosed quote";
                        return false;
                    }

                    break;
                case '[': brackets++; break;
                case ']': brackets--; break;
                case '<': angles++; break;
                case '>': angles--; break;
                case '\r' or '\n':
                    error = $"'{s}' contains a line break";
                    return false;
            }

            if (brackets < 0 || brackets > 1 || angles < 0 || angles > 1)
            {
                error = $"'{s}' has unbalanced {(brackets is < 0 or > 1 ? "brackets" : "angle brackets")}";
                return false;
            }
        }

        if (brackets != 0 || angles != 0)
        {
            error = $"'{s}' has unbalanced {(brackets != 0 ? "brackets" : "angle brackets")}";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParsePhrase(string phrase, out string? displayName, out string? error)
    {
        displayName = null;
        error = null;
        if (phrase.Length == 0)
        {
            return true;
        }

        var sb = new StringBuilder(phrase.Length);
        for (var i = 0; i < phrase.Length; i++)
        {
            var c = phrase[i];
            if (c == '"')
            {
                for (i++; i < phrase.Length && phrase[i] != '"'; i++)
                {
                    if (phrase[i] == '\\' && i + 1 < phrase.Length)
                    {
                        i++;
                    }

                    sb.Append(phrase[i]);
                }
            }
            else if (c is '<' or '>' or '@' or ',' or ';' or ':' or '[' or ']' or '\\' or '(' or ')')
            {
                error = $"the display name '{phrase}' contains '{c}' outside quotes";
                return false;
            }
            else if (char.IsControl(c))
            {
                error = $"the display name '{phrase}' contains a control character";
                return false;
            }
            else
            {
                sb.Append(c);
            }
        }

        displayName = sb.ToString().Trim();
        if (displayName.Length == 0)
        {
            displayName = null;
        }

        return true;
    }

    private static bool TryParseAddrSpec(string spec, out string? local, out string? domain, out string? error)
    {
        local = null;
        domain = null;
        if (spec.Length == 0)
        {
            error = "the address is empty";
            return false;
        }

        int at;
        if (spec[0] == '"')
        {
            var end = ClosingQuote(spec, 0);
            if (end >= spec.Length)
            {
                error = $"'{spec}' has an unclosed quote";
                return false;
            }

            at = end + 1;
            if (at >= spec.Length || spec[at] != '@')
            {
                error = $"'{spec}' has no '@' after its quoted local part";
                return false;
            }
        }
        else
        {
            at = spec.IndexOf('@');
            if (at < 0)
            {
                error = $"'{spec}' has no '@'";
                return false;
            }

            if (!IsDotAtom(spec.Substring(0, at), isDomain: false, out error, spec))
            {
                return false;
            }
        }

        local = spec.Substring(0, at);
        var d = spec.Substring(at + 1);
        if (d.IndexOf('@') >= 0)
        {
            error = $"'{spec}' has more than one '@'";
            return false;
        }

        if (d.Length == 0)
        {
            error = $"'{spec}' has no domain after '@'";
            return false;
        }

        if (d[0] == '[')
        {
            if (d[d.Length - 1] != ']' || d.Length < 3 || d.IndexOf('[', 1) >= 0)
            {
                error = $"'{spec}' has a malformed domain literal";
                return false;
            }
        }
        else if (!IsDotAtom(d, isDomain: true, out error, spec))
        {
            return false;
        }

        domain = d;
        error = null;
        return true;
    }

    private static bool IsDotAtom(string value, bool isDomain, out string? error, string whole)
    {
        var part = isDomain ? "domain" : "local part";
        if (value.Length == 0)
        {
            error = $"'{whole}' has an empty {part}";
            return false;
        }

        if (value[0] == '.' || value[value.Length - 1] == '.')
        {
            error = $"'{whole}' has a {part} that starts or ends with a dot";
            return false;
        }

        if (value.IndexOf("..", System.StringComparison.Ordinal) >= 0)
        {
            error = $"'{whole}' has two dots in a row in its {part}";
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (isDomain && (label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-'))
            {
                error = $"'{whole}' has an invalid domain label '{label}'";
                return false;
            }

            foreach (var c in label)
            {
                if (c == ' ' || c == '\t')
                {
                    error = $"'{whole}' has an unquoted space";
                    return false;
                }

                var ok = c > 127 ? !char.IsControl(c) && !char.IsWhiteSpace(c)
                    : isDomain ? char.IsLetterOrDigit(c) || c == '-'
                    : char.IsLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".IndexOf(c) >= 0;
                if (!ok)
                {
                    error = $"'{whole}' has the character '{c}' in its {part}";
                    return false;
                }
            }
        }

        error = null;
        return true;
    }

    private static int IndexOutsideQuotes(string s, char target)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '"')
            {
                i = ClosingQuote(s, i);
            }
            else if (s[i] == target)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the quote that closes the quoted string opened at <paramref name="open"/> (backslash escapes), or the text's length when none does.</summary>
    private static int ClosingQuote(string s, int open)
    {
        for (var i = open + 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '"')
            {
                return i;
            }
        }

        return s.Length;
    }
}
