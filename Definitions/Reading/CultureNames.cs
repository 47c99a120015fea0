using System.Globalization;

namespace TypedMail.Definitions;

/// <summary>Whether a <c>[MailMessage(Culture = ...)]</c> names a culture (TM0019): the generated code asks for it by name at run time.</summary>
internal static class CultureNames
{
    /// <summary>Why the name is not a culture, or <see langword="null"/> when it is one (or empty: invariant).</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        if (!IsWellFormed(name))
        {
            // 'en_US' is a POSIX locale name: .NET reads it as an unknown culture and formats money with '¤'.
            var hyphenated = name.Replace('_', '-');
            return hyphenated != name && IsWellFormed(hyphenated) && (!KnowsCultures || Exists(hyphenated))
                ? $"it is not a language tag (subtags are separated by '-'); did you mean '{hyphenated}'?"
                : "it is not a language tag such as 'fr-FR' or 'en'";
        }

        // A compiler without culture data (invariant globalization) knows no culture: the syntax check is all it can do.
        return KnowsCultures && !Exists(name) ? "no such culture is known" : null;
    }

    private static readonly bool KnowsCultures = Exists("en-US");

    // ICU makes up a culture for any well-formed name; a made-up one has no ISO 639-2 language name.
    private static bool Exists(string name)
    {
        try
        {
            return !string.IsNullOrEmpty(CultureInfo.GetCultureInfo(name).ThreeLetterISOLanguageName);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>BCP 47 shape: a 2-8 letter language, then subtags of 1-8 letters or digits, separated by '-'.</summary>
    private static bool IsWellFormed(string name)
    {
        var parts = name.Split('-');
        if (parts[0].Length is < 2 or > 8 || !IsAscii(parts[0], digits: false))
        {
            return false;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length is < 1 or > 8 || !IsAscii(parts[i], digits: true))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAscii(string part, bool digits)
    {
        foreach (var c in part)
        {
            var letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(digits && c >= '0' && c <= '9'))
            {
                return false;
            }
        }

        return true;
    }
}
