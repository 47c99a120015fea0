using System.Collections.Generic;
using System.Linq;

namespace TypedMail.Tests.Headers;

/// <summary>
/// Header-injection payloads: every line-break-like character (CR, LF, CRLF, bare CR, NUL, U+0085, U+2028, U+2029,
/// folding and doubled breaks...) under four attacks (a Bcc, a To, a header of its own, an early body), plus RFC 2047
/// encoded words that decode to such breaks.
/// </summary>
internal static class InjectionCorpus
{
    public const string Attacker = "evil@attacker.example";

    public const string InjectedHeader = "X-Injected";

    private static readonly string[] Breaks =
    [
        "\r\n", "\r", "\n", "\0", "\u2028", "\u2029", "\u0085", "\r\n ", "\r\n\t", "\n\r", "\r\0\n", "\u000B", "\u000C",
    ];

    private static readonly string[] Attacks =
    [
        "x{0}Bcc: " + Attacker,
        "x{0}To: " + Attacker,
        "x{0}" + InjectedHeader + ": yes",
        "x{0}{0}injected body",
    ];

    private static readonly string[] EncodedWords =
    [
        "=?utf-8?q?a=0D=0ABcc:_evil@attacker.example?=",
        "=?utf-8?q?a=0ABcc:_evil@attacker.example?=",
        "=?utf-8?q?a=0DX-Injected:_yes?=",
        "=?utf-8?b?YQ0KQmNjOiBldmlsQGF0dGFja2VyLmV4YW1wbGU=?=",
        "=?iso-8859-1?q?a=0D=0AX-Injected:_yes?=",
        "=?utf-8?q?a=00X-Injected:_yes?=",
        "=?utf-8?q?a=E2=80=A8X-Injected:_yes?=",
        "a =?utf-8?q?=0D=0A?= X-Injected: yes",
    ];

    /// <summary>All payloads, each once.</summary>
    public static readonly IReadOnlyList<string> Payloads =
        Breaks.SelectMany(b => Attacks.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, b)))
            .Concat(EncodedWords)
            .Distinct()
            .ToList();

    /// <summary>The payload as a display name, an address list item after a valid address, and a quoted display name.</summary>
    public static IEnumerable<string> AsAddresses(string payload, string victim)
    {
        yield return "\"" + payload.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" <" + victim + ">";
        yield return payload + " <" + victim + ">";
        yield return victim + payload;
    }

    /// <summary>Whether the payload has a character that the runtime must refuse in any header.</summary>
    public static bool HasForbiddenCharacter(string payload) =>
        payload.Any(c => (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029');
}
