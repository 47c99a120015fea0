using System.Collections.Generic;
using System.Globalization;
using MimeKit;

namespace TypedMail;

/// <summary>Reads 4D address lists with the shared <see cref="AddressSyntax"/> and converts them to MimeKit mailboxes.</summary>
internal static class MailboxList
{
    private static readonly IdnMapping Idn = new();

    public static List<MailboxAddress> Parse(string? text, string field)
    {
        var result = new List<MailboxAddress>();
        if (text is null)
        {
            return result;
        }

        foreach (var item in AddressSyntax.Split(text))
        {
            if (item.Trim().Length == 0)
            {
                continue;
            }

            result.Add(ParseOne(item, field));
        }

        return result;
    }

    public static MailboxAddress ParseOne(string item, string field)
    {
        if (!AddressSyntax.TryParseMailbox(item, out var parsed, out var error))
        {
            var code = HasLineBreak(item) ? ErrorCodes.HeaderInjection : ErrorCodes.InvalidAddress;
            throw new TypedMailException(code, $"{field}: {error}.");
        }

        HeaderText.RefuseLineBreaks(parsed!.DisplayName, field + " display name");
        return ToMailbox(parsed, field);
    }

    public static MailboxAddress ToMailbox(ParsedMailbox parsed, string field)
    {
        // MimeKit keeps IDN domains in Unicode and writes their A-label form where the wire needs it; checked here so a bad one fails early.
        if (!IsAscii(parsed.Domain) && parsed.Domain[0] != '[')
        {
            try
            {
                Idn.GetAscii(parsed.Domain);
            }
            catch (System.ArgumentException ex)
            {
                throw new TypedMailException(ErrorCodes.InvalidAddress, $"{field}: the domain '{parsed.Domain}' is not a valid international domain name.", ex);
            }
        }

        try
        {
            return new MailboxAddress(parsed.DisplayName, parsed.Address);
        }
        catch (ParseException ex)
        {
            throw new TypedMailException(ErrorCodes.InvalidAddress, $"{field}: '{parsed.Address}' is malformed.", ex);
        }
    }

    /// <summary>Whether the text holds CR, LF or a Unicode line separator (U+0085, U+2028, U+2029).</summary>
    public static bool HasLineBreak(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (AddressCharacters.IsLineBreak(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool SameAddress(MailboxAddress a, MailboxAddress b) =>
        string.Equals(a.Address, b.Address, System.StringComparison.OrdinalIgnoreCase);

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 127)
            {
                return false;
            }
        }

        return true;
    }
}
