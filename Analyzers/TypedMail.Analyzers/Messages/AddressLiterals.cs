using System;
using Microsoft.CodeAnalysis;
using TypedMail.Analyzers.Diagnostics;

namespace TypedMail.Analyzers.Messages;

/// <summary>Judges a constant address or address list with the runtime's own parser (TM0006, TM0014).</summary>
internal static class AddressLiterals
{
    /// <param name="field">What the address is, e.g. "From".</param>
    /// <param name="text">The constant.</param>
    /// <param name="singleMailbox">Whether one mailbox is expected (Sender) rather than a list.</param>
    /// <param name="location">Where the constant is written.</param>
    /// <param name="report">Receives the diagnostics.</param>
    public static void Check(string field, string text, bool singleMailbox, Location location, Action<Diagnostic> report)
    {
        if (HeaderLiterals.HasQuotedLineBreak(text))
        {
            report(Diagnostic.Create(Descriptors.LineBreakInHeader, location, field + " display name", HeaderLiterals.Show(text)));
            return;
        }

        string? error;
        var valid = singleMailbox && text.Trim().Length > 0
            ? AddressSyntax.TryParseMailbox(text, out _, out error)
            : AddressSyntax.TryParseList(text, out _, out error);
        if (!valid)
        {
            report(Diagnostic.Create(Descriptors.InvalidAddress, location, field, error));
        }
    }
}
