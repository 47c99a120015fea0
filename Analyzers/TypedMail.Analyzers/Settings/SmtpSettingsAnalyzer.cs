using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Rules;
using TypedMail.Analyzers.Symbols;

namespace TypedMail.Analyzers.Settings;

/// <summary>
/// Judges <c>new SmtpSettings { ... }</c> written with constants (TM0001 to TM0005, TM0013), following the object
/// through its method (<see cref="SettingsFlow"/>: later assignments count), and reports a literal
/// <see cref="SmtpSettings"/> password wherever it is assigned (TM0012).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SmtpSettingsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.SettingsRules.Add(
        Descriptors.SecretLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TypedMailSymbols.From(start.Compilation);
            if (symbols?.SmtpSettings is not { } settings)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeCreation(c, settings), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, settings), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol settings)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Password" } target
            && TypedMailSymbols.Is(target.Property.ContainingType, settings)
            && assignment.Value.ConstantValue is { HasValue: true, Value: string { Length: > 0 } })
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, assignment.Value.Syntax.GetLocation(), "SmtpSettings.Password"));
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol settings)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!TypedMailSymbols.Is(creation.Type, settings))
        {
            return;
        }

        var flow = SettingsFlow.Follow(creation);
        var values = flow.Values;
        if (values.Count == 0)
        {
            return;   // nothing written with this object in this method: nothing to judge
        }

        int? port = 0;
        if (flow.IsUnknown("Port"))
        {
            port = null;
        }
        else if (values.TryGetValue("Port", out var portValue))
        {
            port = portValue.ConstantValue is { HasValue: true, Value: int p } ? p : null;
        }

        var mode = SessionMode.Upgradable;
        if (flow.IsUnknown("Mode"))
        {
            return;   // the mode is set elsewhere: the runtime judges it
        }

        if (values.TryGetValue("Mode", out var modeValue))
        {
            if (modeValue.ConstantValue is not { HasValue: true, Value: int m })
            {
                return;   // a mode known only at run time: the runtime judges it
            }

            mode = (SessionMode)m;
        }

        // A user name, or OAuth2 (a token provider, or the mode asked for), configures authentication; a value the flow
        // cannot know (the object escaped before it was set) leaves it unknown, and nothing is guessed.
        bool? authenticated = flow.IsUnknown("UserName") || flow.IsUnknown("AccessTokenProvider") || flow.IsUnknown("Auth") ? null
            : (values.TryGetValue("UserName", out var user) && !(user.ConstantValue.HasValue && string.IsNullOrEmpty(user.ConstantValue.Value as string)))
              || values.ContainsKey("AccessTokenProvider")
              || (values.TryGetValue("Auth", out var auth) && auth.ConstantValue is { HasValue: true, Value: int a } && (AuthMode)a == AuthMode.OAuth2);
        int? timeout = SmtpDefaults.TimeoutSeconds;
        if (flow.IsUnknown("TimeoutSeconds"))
        {
            timeout = null;
        }
        else if (values.TryGetValue("TimeoutSeconds", out var timeoutValue))
        {
            timeout = timeoutValue.ConstantValue is { HasValue: true, Value: int t } ? t : null;
        }

        var whole = creation.Syntax switch
        {
            ObjectCreationExpressionSyntax explicitNew => explicitNew.Type.GetLocation(),
            ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.NewKeyword.GetLocation(),
            _ => creation.Syntax.GetLocation(),
        };

        RuleSite Site(string property)
        {
            var location = values.TryGetValue(property, out var value) ? value.Syntax.GetLocation() : null;
            return new RuleSite(location ?? whole, location);
        }

        // An unknown user name: only what holds either way is reported.
        var verdicts = authenticated is { } known
            ? SmtpRules.Check(port, mode, known, timeout)
            : SmtpRules.Check(port, mode, true, timeout).Where(v => SmtpRules.Check(port, mode, false, timeout).Any(w => w.Id == v.Id)).ToList();
        RuleVerdicts.Report(verdicts, v => v.Id switch
        {
            DiagnosticIds.StartTlsOnPort25 => Site("Port"),
            DiagnosticIds.PortModeMismatch => values.ContainsKey("Port") ? Site("Port") : Site("Mode"),
            DiagnosticIds.OutOfRange => Site(RuleVerdicts.IsTimeout(v) ? "TimeoutSeconds" : "Port"),
            DiagnosticIds.StartTlsWithoutAuthentication => values.ContainsKey("Mode") ? Site("Mode") : Site("Port"),
            _ => Site("Mode"),
        }, context.ReportDiagnostic);
    }
}
