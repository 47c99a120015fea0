extern alias analyzers;

using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedMail.Tests.Addresses;
using Xunit.Abstractions;
using AnalyzerAddressSyntax = analyzers::TypedMail.AddressSyntax;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>
/// TM0006 against the isemail suite, under the runtime's policy (docs/addresses.md): the real analyzers run on a
/// facade call and a message-reference call per address, and the analyzer assembly's own copy of the grammar reads the
/// whole list. The empty address (#1) is not a mailbox at all: for SMTP_Sender it means "no Sender", so it is left out
/// of the call checks and held to the grammar only.
/// </summary>
public sealed class IsEmailAnalyzerTests(ITestOutputHelper output)
{
    [Fact]
    public void TheAnalyzersCopyOfTheGrammar_FollowsThePolicy()
    {
        var wrong = IsEmailSuite.Cases
            .Where(c => AnalyzerAddressSyntax.TryParseMailbox(c.Address, out _, out _) != c.ExpectedAccepted)
            .Select(c => c.ToString())
            .ToList();

        Assert.True(wrong.Count == 0, "Against the policy:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task TheAnalyzers_ReportExactlyTheRefusedAddresses_OnFacadeAndMessageCalls()
    {
        var cases = IsEmailSuite.Cases.Where(c => c.Address.Length > 0).ToList();
        var source = new StringBuilder("""
            using TypedMail;
            using static TypedMail.InternetCommands;

            public static class Addresses
            {
                public static void Run(int smtpId, SmtpMessage message)
                {

            """);
        var lines = new Dictionary<int, (IsEmailCase Case, string Call)>();
        var line = 7;
        foreach (var c in cases)
        {
            var literal = SymbolDisplay.FormatLiteral(c.Address, quote: true);
            source.Append("        SMTP_Sender(smtpId, ").Append(literal).Append(");\n");
            lines[line++] = (c, "SMTP_Sender");
            source.Append("        message.SetSender(").Append(literal).Append(");\n");
            lines[line++] = (c, "SetSender");
        }

        source.Append("    }\n}\n");
        var diagnostics = await Compiled.AnalyzeAsync(source.ToString());
        var refusedLines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("TM", System.StringComparison.Ordinal))
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ToHashSet();

        var wrong = lines.Where(l => refusedLines.Contains(l.Key) == l.Value.Case.ExpectedAccepted)
            .Select(l => $"{l.Value.Call}: {l.Value.Case} expected {(l.Value.Case.ExpectedAccepted ? "accepted" : "refused")}")
            .ToList();
        foreach (var category in IsEmailSuite.Categories)
        {
            var inCategory = lines.Where(l => l.Value.Case.Category == category && l.Value.Call == "SMTP_Sender").ToList();
            output.WriteLine($"{category}: TM0006 on {inCategory.Count(l => refusedLines.Contains(l.Key))} of {inCategory.Count} SMTP_Sender calls");
        }

        Assert.Equal(cases.Count * 2, lines.Count);
        Assert.True(wrong.Count == 0, "Against the policy:\n" + string.Join("\n", wrong));
    }
}
