using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Problems;
using TypedMail.Analyzers.Rules;
using TypedMail.Analyzers.Symbols;
using TypedMail.Definitions;

namespace TypedMail.Analyzers.Servers;

/// <summary>
/// Judges each <c>[SmtpServer]</c> attribute's (port, mode, auth, timeout) with <see cref="SmtpRules"/>, and reports
/// what the shared definition reader finds (TM0018: no sender can be generated).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SmtpServerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.SettingsRules.Add(Descriptors.CannotGenerate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TypedMailSymbols.From(start.Compilation);
            if (symbols?.SmtpServer is null)
            {
                return;
            }

            start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, TypedMailSymbols symbols)
    {
        var data = context.Symbol.GetAttributes().FirstOrDefault(a => TypedMailSymbols.Is(a.AttributeClass, symbols.SmtpServer));
        if (data is null)
        {
            return;
        }

        // Whether a sender can be generated: the generator's own reading.
        var read = ServerReader.Read((INamedTypeSymbol)context.Symbol, context.CancellationToken);
        new ProblemReporter((INamedTypeSymbol)context.Symbol, context.Options.AdditionalFiles, context.CancellationToken).Report(read.Problems, context.ReportDiagnostic);

        var server = new AttributeArguments(data, context.CancellationToken);
        var mode = (SessionMode)(server.NamedInt("Mode") ?? 0);
        var verdicts = SmtpRules.Check(server.NamedInt("Port") ?? 0, mode, server.Has("Auth"), server.NamedInt("TimeoutSeconds") ?? SmtpDefaults.TimeoutSeconds);
        RuleVerdicts.Report(verdicts, v => Locate(v, server), context.ReportDiagnostic);
    }

    private static RuleSite Locate(RuleViolation violation, AttributeArguments server)
    {
        var property = violation.Id switch
        {
            DiagnosticIds.StartTlsOnPort25 => "Port",
            DiagnosticIds.PortModeMismatch => server.Has("Port") ? "Port" : "Mode",
            DiagnosticIds.OutOfRange => RuleVerdicts.IsTimeout(violation) ? "TimeoutSeconds" : "Port",
            DiagnosticIds.StartTlsWithoutAuthentication => server.Has("Mode") ? "Mode" : "Port",
            _ => "Mode",
        };
        var expression = server.NamedExpression(property);
        return new RuleSite(expression?.GetLocation() ?? server.Location, expression?.GetLocation());
    }
}
