using System.Text;

namespace TypedMail;

/// <summary>
/// The addr-spec <c>local@domain</c> as an SMTP envelope can carry it (RFC 5321 §4.1.2 with RFC 6531's UTF-8): a dot-atom
/// or quoted local part of at most 64 octets, a host name or an address literal, at most 254 octets in all.
/// </summary>
internal static class AddrSpec
{
    /// <summary>RFC 5321 §4.5.3.1.1.</summary>
    public const int MaxLocalPartOctets = 64;

    /// <summary>RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets.</summary>
    public const int MaxAddressOctets = 254;

    /// <summary>RFC 1035 §2.3.4.</summary>
    public const int MaxLabelLength = 63;

    public static bool TryParse(string spec, out string? local, out string? domain, out string? error)
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
            if (!TryReadQuotedLocalPart(spec, out at, out error))
            {
                return false;
            }
        }
        else
        {
            at = spec.IndexOf('@');
            if (at < 0)
            {
                error = $"{AddressCharacters.Show(spec)} has no '@'";
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
            error = $"{AddressCharacters.Show(spec)} has more than one '@'";
            return false;
        }

        if (d.Length == 0)
        {
            error = $"{AddressCharacters.Show(spec)} has no domain after '@'";
            return false;
        }

        if (d[0] == '[')
        {
            if (d[d.Length - 1] != ']' || d.Length < 3 || d.IndexOf('[', 1) >= 0 || !AddressLiteral.IsValid(d.Substring(1, d.Length - 2)))
            {
                error = $"{AddressCharacters.Show(spec)} has a malformed domain literal: use [IPv4] or [IPv6:...] (RFC 5321 §4.1.3)";
                return false;
            }
        }
        else if (!IsDotAtom(d, isDomain: true, out error, spec))
        {
            return false;
        }

        if (Encoding.UTF8.GetByteCount(local) > MaxLocalPartOctets)
        {
            error = $"{AddressCharacters.Show(spec)} has a local part longer than {MaxLocalPartOctets} octets (RFC 5321 §4.5.3.1.1)";
            return false;
        }

        if (Encoding.UTF8.GetByteCount(spec) > MaxAddressOctets)
        {
            error = $"{AddressCharacters.Show(spec)} is longer than {MaxAddressOctets} octets (RFC 5321 §4.5.3.1.3)";
            return false;
        }

        domain = d;
        error = null;
        return true;
    }

    /// <summary>A quoted local part: qtextSMTP and quoted pairs only (no control, CR, LF or NUL), then '@' right after the closing quote.</summary>
    private static bool TryReadQuotedLocalPart(string spec, out int at, out string? error)
    {
        for (var i = 1; i < spec.Length; i++)
        {
            var c = spec[i];
            if (c == '\\')
            {
                if (i + 1 >= spec.Length)
                {
                    break;
                }

                if (!AddressCharacters.IsQuotedPairChar(spec[++i], displayName: false))
                {
                    at = -1;
                    error = $"{AddressCharacters.Show(spec)} has a backslash before a character that cannot be quoted in an address (a control or non-ASCII character)";
                    return false;
                }
            }
            else if (c == '"')
            {
                at = i + 1;
                if (at >= spec.Length || spec[at] != '@')
                {
                    error = $"{AddressCharacters.Show(spec)} has no '@' after its quoted local part";
                    return false;
                }

                error = null;
                return true;
            }
            else if (!AddressCharacters.IsQtext(c, allowTab: false))
            {
                at = -1;
                error = $"{AddressCharacters.Show(spec)} has a control character in its quoted local part";
                return false;
            }
        }

        at = -1;
        error = $"{AddressCharacters.Show(spec)} has an unclosed quote";
        return false;
    }

    private static bool IsDotAtom(string value, bool isDomain, out string? error, string whole)
    {
        var part = isDomain ? "domain" : "local part";
        var shown = AddressCharacters.Show(whole);
        if (value.Length == 0)
        {
            error = $"{shown} has an empty {part}";
            return false;
        }

        if (value[0] == '.' || value[value.Length - 1] == '.')
        {
            error = $"{shown} has a {part} that starts or ends with a dot";
            return false;
        }

        if (value.IndexOf("..", System.StringComparison.Ordinal) >= 0)
        {
            error = $"{shown} has two dots in a row in its {part}";
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (isDomain && (label.Length > MaxLabelLength || label[0] == '-' || label[label.Length - 1] == '-'))
            {
                error = $"{shown} has an invalid domain label {AddressCharacters.Show(label)}";
                return false;
            }

            foreach (var c in label)
            {
                if (c == ' ' || c == '\t')
                {
                    error = $"{shown} has an unquoted space";
                    return false;
                }

                if (!(isDomain ? AddressCharacters.IsLabelChar(c) : AddressCharacters.IsAtext(c)))
                {
                    error = $"{shown} has the character {AddressCharacters.Show(c.ToString())} in its {part}";
                    return false;
                }
            }
        }

        error = null;
        return true;
    }
}
