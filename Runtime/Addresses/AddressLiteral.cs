namespace TypedMail;

/// <summary>
/// RFC 5321 §4.1.3 address literals: <c>[IPv4]</c> and <c>[IPv6:...]</c>. Other domain literals (RFC 5322's general
/// <c>[text]</c>, or <c>[Tag:...]</c> with an unregistered tag) cannot be used in an SMTP envelope and are refused.
/// </summary>
internal static class AddressLiteral
{
    /// <summary>Whether <paramref name="content"/> (the text between the brackets) is an IPv4 or tagged IPv6 address literal.</summary>
    public static bool IsValid(string content)
    {
        const string tag = "IPv6:";
        return content.Length > tag.Length && string.Compare(content, 0, tag, 0, tag.Length, System.StringComparison.OrdinalIgnoreCase) == 0
            ? IsIPv6(content.Substring(tag.Length))
            : IsIPv4(content);
    }

    /// <summary>Four decimal numbers 0..255 of one to three digits, dot-separated.</summary>
    public static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is < 1 or > 3)
            {
                return false;
            }

            var value = 0;
            foreach (var c in part)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// IPv6-full, IPv6-comp, IPv6v4-full or IPv6v4-comp. "::" stands for at least two groups of zeros, so at most six
    /// other groups (four before an embedded IPv4 address) may be written with it.
    /// </summary>
    private static bool IsIPv6(string text)
    {
        var groups = 8;
        var head = text;
        if (text.IndexOf('.') >= 0)
        {
            var colon = text.LastIndexOf(':');
            if (colon < 0 || !IsIPv4(text.Substring(colon + 1)))
            {
                return false;
            }

            groups = 6;
            head = text.Substring(0, colon + 1);
            head = head.EndsWith("::", System.StringComparison.Ordinal) ? head : head.Substring(0, head.Length - 1);
        }

        var gap = head.IndexOf("::", System.StringComparison.Ordinal);
        if (gap < 0)
        {
            return CountGroups(head) == groups;
        }

        if (head.IndexOf("::", gap + 1, System.StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var before = CountGroups(head.Substring(0, gap));
        var after = CountGroups(head.Substring(gap + 2));
        return before >= 0 && after >= 0 && before + after <= groups - 2;
    }

    /// <summary>The number of colon-separated groups of one to four hex digits, 0 for an empty text, -1 when one is malformed.</summary>
    private static int CountGroups(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var parts = text.Split(':');
        foreach (var part in parts)
        {
            if (part.Length is < 1 or > 4)
            {
                return -1;
            }

            foreach (var c in part)
            {
                if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F'))
                {
                    return -1;
                }
            }
        }

        return parts.Length;
    }
}
