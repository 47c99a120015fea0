using System;
using System.Globalization;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.Templates;

/// <summary>
/// Whether a placeholder's format fits its member (TM0020): strings and types that are not <see cref="IFormattable"/>
/// take no format; the framework's numbers, dates, times and GUIDs are tried on a sample value with the same call the
/// generated code makes, so what fails here would fail at run time; enums take G, D, X or F.
/// </summary>
internal static class FormatCheck
{
    /// <summary>Why the format does not fit, or <see langword="null"/> when it does.</summary>
    public static string? Problem(MemberSpec member, string format)
    {
        switch (member.Value)
        {
            case ValueKind.String:
            case ValueKind.Other:
                return $"'{member.Name}' is {Articles.With(member.DisplayType)}, which takes no format";
            case ValueKind.Enum:
                return format.Length == 1 && "GgDdXxFf".IndexOf(format[0]) >= 0
                    ? null
                    : $"'{format}' is not an enum format (G, D, X or F)";
        }

        var sample = Sample(member.FormatType);
        if (sample is null)
        {
            return null;   // a type of the user's: only its own ToString knows
        }

        try
        {
            sample.ToString(format, CultureInfo.InvariantCulture);
            return null;
        }
        catch (FormatException)
        {
            return $"'{format}' is not a valid format for {member.DisplayType}";
        }
    }

    private static IFormattable? Sample(string? type) => type switch
    {
        "System.Byte" => (byte)42,
        "System.SByte" => (sbyte)42,
        "System.Int16" => (short)42,
        "System.UInt16" => (ushort)42,
        "System.Int32" => 42,
        "System.UInt32" => 42u,
        "System.Int64" => 42L,
        "System.UInt64" => 42ul,
        "System.Single" => 4.2f,
        "System.Double" => 4.2d,
        "System.Decimal" => 4.2m,
        "System.DateTime" => new DateTime(2026, 12, 3, 9, 50, 0, DateTimeKind.Utc),
        "System.DateTimeOffset" => new DateTimeOffset(2026, 12, 3, 9, 50, 0, TimeSpan.Zero),
        "System.TimeSpan" => new TimeSpan(1, 2, 3, 4),
        "System.Guid" => new Guid("00112233-4455-6677-8899-aabbccddeeff"),
        _ => null,
    };
}
