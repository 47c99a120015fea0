using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace TypedMail.Tests.Addresses;

/// <summary>One test of the isemail suite (Data/isemail/tests.xml, BSD-3-Clause, notice beside it).</summary>
internal sealed record IsEmailCase(int Id, string Address, string Category, string Diagnosis)
{
    /// <summary>
    /// TypedMail's policy (docs/addresses.md): what an SMTP envelope can carry is accepted (VALID, DNSWARN, RFC5321);
    /// errors, RFC 5322-only forms and deprecated syntax are refused; of the CFWS forms only spaces or tabs around the
    /// address are accepted (trimmed): comments and folded lines are refused.
    /// </summary>
    public bool ExpectedAccepted => Category switch
    {
        "ISEMAIL_VALID_CATEGORY" or "ISEMAIL_DNSWARN" or "ISEMAIL_RFC5321" => true,
        "ISEMAIL_CFWS" => Diagnosis == "ISEMAIL_CFWS_FWS" && Address.IndexOfAny(['\r', '\n']) < 0,
        "ISEMAIL_ERR" or "ISEMAIL_RFC5322" or "ISEMAIL_DEPREC" => false,
        _ => throw new InvalidOperationException($"Unknown isemail category {Category}."),
    };

    public override string ToString() => $"#{Id} {Category}/{Diagnosis} {Visible}";

    private string Visible => string.Concat(Address.Select(c => c < ' ' || c == '\x7f' ? $"\\x{(int)c:X2}" : c.ToString()));
}

/// <summary>Reads the isemail suite copied into the test output.</summary>
internal static class IsEmailSuite
{
    public static readonly IReadOnlyList<IsEmailCase> Cases = Load();

    public static IEnumerable<string> Categories => Cases.Select(c => c.Category).Distinct();

    private static List<IsEmailCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "isemail", "tests.xml");
        return XDocument.Load(path).Root!.Elements("test")
            .Select(t => new IsEmailCase(
                int.Parse(t.Attribute("id")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                Controls((string?)t.Element("address") ?? string.Empty),
                t.Element("category")!.Value,
                t.Element("diagnosis")!.Value))
            .ToList();
    }

    // The suite writes control characters as U+2400 + their code ("symbol for NUL", "symbol for CR"...): XML cannot hold them.
    private static string Controls(string text) =>
        string.Concat(text.Select(c => c is >= '\u2400' and <= '\u241F' ? (char)(c - 0x2400) : c));
}
