using System.Collections.Generic;
using System.Text;

namespace TypedMail;

/// <summary>
/// The mailbox syntax (RFC 5322 §3.4 for display names, RFC 5321 §4.1.2 for the address, with RFC 6531 UTF-8 and IDN
/// domains), shared by the runtime at send time and the analyzers at compile time so that both accept and refuse the same
/// addresses. Lists are separated by commas, semicolons, CR or LF outside quotes and angle brackets, as 4D's address
/// lists are; inside one mailbox no CR, LF, NUL or other control character is accepted, quoted or not. What is accepted
/// of the isemail test suite's categories is written in docs/addresses.md.
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
        if (text is null)
        {
            error = "the address is empty";
            return false;
        }

        foreach (var c in text)
        {
            if (AddressCharacters.IsLineBreak(c))
            {
                error = $"{AddressCharacters.Show(text)} contains a line break";
                return false;
            }
        }

        // Only spaces and tabs around the mailbox are dropped: a trailing CR or LF is refused above, never trimmed away.
        var s = text.Trim(' ', '\t');
        if (s.Length == 0)
        {
            error = "the address is empty";
            return false;
        }

        if (!CheckBalanced(s, out error))
        {
            return false;
        }

        var open = IndexOutsideQuotes(s, '<');
        if (open < 0)
        {
            if (!AddrSpec.TryParse(s, out var local, out var domain, out error))
            {
                return false;
            }

            mailbox = new ParsedMailbox(null, local!, domain!);
            return true;
        }

        var close = s.LastIndexOf('>');
        if (close < open)
        {
            error = $"{AddressCharacters.Show(text)} has a '<' with no closing '>'";
            return false;
        }

        if (close != s.Length - 1)
        {
            error = $"{AddressCharacters.Show(text)} has text after the closing '>'";
            return false;
        }

        if (!TryParsePhrase(s.Substring(0, open).Trim(' ', '\t'), out var displayName, out error)
            || !AddrSpec.TryParse(s.Substring(open + 1, close - open - 1).Trim(' ', '\t'), out var l, out var d, out error))
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
                        error = $"{AddressCharacters.Show(s)} has an unclosed quote";
                        return false;
                    }

                    break;
                case '[': brackets++; break;
                case ']': brackets--; break;
                case '<': angles++; break;
                case '>': angles--; break;
            }

            if (brackets < 0 || brackets > 1 || angles < 0 || angles > 1)
            {
                error = $"{AddressCharacters.Show(s)} has unbalanced {(brackets is < 0 or > 1 ? "brackets" : "angle brackets")}";
                return false;
            }
        }

        if (brackets != 0 || angles != 0)
        {
            error = $"{AddressCharacters.Show(s)} has unbalanced {(brackets != 0 ? "brackets" : "angle brackets")}";
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
                    var quoted = phrase[i] == '\\' && i + 1 < phrase.Length;
                    if (quoted)
                    {
                        i++;
                    }

                    if (quoted ? !AddressCharacters.IsQuotedPairChar(phrase[i], displayName: true) : !AddressCharacters.IsQtext(phrase[i], allowTab: true))
                    {
                        error = $"the display name {AddressCharacters.Show(phrase)} contains a control character";
                        return false;
                    }

                    sb.Append(phrase[i]);
                }
            }
            else if (c is '<' or '>' or '@' or ',' or ';' or ':' or '[' or ']' or '\\' or '(' or ')')
            {
                error = $"the display name {AddressCharacters.Show(phrase)} contains '{c}' outside quotes";
                return false;
            }
            else if (char.IsControl(c) && c != '\t')
            {
                error = $"the display name {AddressCharacters.Show(phrase)} contains a control character";
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
