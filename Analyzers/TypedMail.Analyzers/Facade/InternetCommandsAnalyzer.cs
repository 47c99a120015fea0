using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Messages;
using TypedMail.Analyzers.Rules;
using TypedMail.Analyzers.Symbols;

namespace TypedMail.Analyzers.Facade;

/// <summary>
/// Judges calls of the 4D facade <c>InternetCommands</c> and of the message reference <c>SmtpMessage</c> written with
/// constants inside one method body (flow-insensitive): address and header literals, literal passwords, and the
/// <see cref="SmtpRules"/> verdict of each send from the ports, credentials and session mode set in the same body.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InternetCommandsAnalyzer : DiagnosticAnalyzer
{
    private const int SmtpProtocol = 2;
    private const int SmtpOverSslProtocol = 12;

    private static readonly Dictionary<string, (string Field, bool Single)> FacadeAddresses = new()
    {
        ["SMTP_From"] = ("From", false), ["SMTP_Sender"] = ("Sender", true), ["SMTP_ReplyTo"] = ("ReplyTo", false),
        ["SMTP_To"] = ("To", false), ["SMTP_Cc"] = ("Cc", false), ["SMTP_Bcc"] = ("Bcc", false),
    };

    private static readonly Dictionary<string, string> FacadeHeaders = new()
    {
        ["SMTP_Subject"] = "Subject", ["SMTP_Comments"] = "Comments", ["SMTP_Keywords"] = "Keywords",
        ["SMTP_References"] = "References", ["SMTP_InReplyTo"] = "In-Reply-To",
    };

    private static readonly Dictionary<string, (string Field, bool Single)> MessageAddresses = new()
    {
        ["SetFrom"] = ("From", false), ["SetSender"] = ("Sender", true), ["SetReplyTo"] = ("ReplyTo", false),
        ["SetTo"] = ("To", false), ["SetCc"] = ("Cc", false), ["SetBcc"] = ("Bcc", false),
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.SettingsRules.AddRange(
        Descriptors.SecretLiteral, Descriptors.InvalidAddress, Descriptors.LineBreakInHeader);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TypedMailSymbols.From(start.Compilation);
            if (symbols is null || (symbols.InternetCommands is null && symbols.SmtpMessage is null))
            {
                return;
            }

            start.RegisterOperationBlockAction(c => AnalyzeBody(c, symbols));
        });
    }

    private static void AnalyzeBody(OperationBlockAnalysisContext context, TypedMailSymbols symbols)
    {
        var body = new BodyFacts();
        var sends = new List<Send>();
        var report = (System.Action<Diagnostic>)context.ReportDiagnostic;

        var operations = context.OperationBlocks
            .SelectMany(b => b.DescendantsAndSelf())
            .OrderBy(o => o.Syntax.SpanStart);
        foreach (var operation in operations)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                && TypedMailSymbols.Is(property.Property.ContainingType, symbols.SmtpMessage))
            {
                CollectMessageProperty(property.Property.Name, assignment.Value, body, report);
                continue;
            }

            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            var owner = invocation.TargetMethod.ContainingType;
            var call = new CallArguments(invocation);
            if (TypedMailSymbols.Is(owner, symbols.InternetCommands))
            {
                CollectFacadeCall(call, body, sends, report);
            }
            else if (TypedMailSymbols.Is(owner, symbols.SmtpMessage))
            {
                CollectMessageCall(call, invocation, symbols, body, sends, report);
            }
        }

        foreach (var send in sends)
        {
            if (send.Mode is not { } mode)
            {
                continue;   // a mode known only at run time: the runtime judges it
            }

            var port = send.Port ?? body.PortFor(mode);
            var verdicts = SmtpRules.Check(port.IsSet ? port.Value : null, mode, send.Authenticated || body.IsAuthenticated(send.Message));
            var call = send.Call;
            RuleVerdicts.Report(verdicts, v => v.Id switch
            {
                DiagnosticIds.StartTlsOnPort25 => new RuleSite(call.CallLocation, port.Written),
                DiagnosticIds.CredentialsWithUpgradable => new RuleSite(call.CallLocation, send.ModeWritten),
                _ => new RuleSite(call.CallLocation, null),
            }, report);
        }
    }

    private static void CollectMessageProperty(string name, IOperation value, BodyFacts body, System.Action<Diagnostic> report)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;   // TimeoutSeconds is an int?: look through the implicit lift
        }

        if (name == "Port")
        {
            body.SetPort(null, value);
        }
        else if (name == "TimeoutSeconds" && value.ConstantValue is { HasValue: true, Value: int timeout })
        {
            RuleVerdicts.Report(SmtpRules.Check(null, SessionMode.NeverTls, false, timeout), _ => new RuleSite(value.Syntax.GetLocation(), null), report);
        }
    }

    /// <summary>The session mode of a facade session parameter: SMTP_Send takes 0..3, SMTP_QuickSend adds 4/5 (HTML) and 8/9 (raw MIME).</summary>
    private static SessionMode? FacadeMode(IArgumentOperation? argument, bool quickSend) =>
        !CallArguments.TryInt(argument, out var value) ? null
        : value is >= 0 and <= 3 && !(quickSend && value == 3) ? (SessionMode)value
        : quickSend && value is 4 or 8 ? SessionMode.Upgradable
        : quickSend && value is 5 or 9 ? SessionMode.ImplicitTls
        : null;

    private static Location? WrittenAt(IArgumentOperation? argument) =>
        CallArguments.IsWritten(argument) ? argument!.Value.Syntax.GetLocation() : null;

    private static void CollectFacadeCall(CallArguments call, BodyFacts body, List<Send> sends, System.Action<Diagnostic> report)
    {
        switch (call.Method)
        {
            case "IT_SetPort":
                if (CallArguments.TryInt(call.Argument("protocol"), out var protocol) && protocol is SmtpProtocol or SmtpOverSslProtocol)
                {
                    body.SetPort(protocol, call.Argument("port")!.Value);
                }

                break;
            case "IT_SetTimeOut":
                var seconds = call.Argument("seconds");
                if (CallArguments.TryInt(seconds, out var timeout) && timeout != 0)
                {
                    // 4D's 0 keeps the default; any other value is judged by the shared rule.
                    RuleVerdicts.Report(SmtpRules.Check(null, SessionMode.NeverTls, false, timeout), _ => new RuleSite(call.Where(seconds), null), report);
                }

                break;
            case "SMTP_Auth":
                body.Authenticate(call.Argument("user")?.Value, BodyFacts.ReferenceOf(call.Argument("smtpId")?.Value));
                ReportSecret(call, call.Argument("password"), "SMTP_Auth password", report);
                break;
            case "SMTP_Send":
                var session = call.Argument("sessionParam");
                sends.Add(new Send(call, FacadeMode(session, quickSend: false), WrittenAt(session), null, false, BodyFacts.ReferenceOf(call.Argument("smtpId")?.Value)));
                break;
            case "SMTP_QuickSend":
                CheckAddress(call, call.Argument("from"), "From", false, report);
                CheckAddress(call, call.Argument("to"), "To", false, report);
                CheckHeader(call, call.Argument("subject"), "Subject", report);
                ReportSecret(call, call.Argument("password"), "SMTP_QuickSend password", report);
                // Port 0 means the IT_SetPort table, as for SMTP_Send.
                var portArgument = call.Argument("port");
                PortSetting? port = CallArguments.TryInt(portArgument, out var p) && p == 0 ? null
                    : new PortSetting(true, CallArguments.TryInt(portArgument, out p) ? p : null, WrittenAt(portArgument));
                var user = call.Argument("user");
                var quickMode = call.Argument("sessionParam");
                sends.Add(new Send(call, FacadeMode(quickMode, quickSend: true), WrittenAt(quickMode), port, user is not null && BodyFacts.IsUser(user.Value), null));
                break;
            case "SMTP_AddHeader":
                CheckHeader(call, call.Argument("name"), "header name", report);
                CheckHeader(call, call.Argument("value"), "header value", report);
                break;
            default:
                if (FacadeAddresses.TryGetValue(call.Method, out var address))
                {
                    var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
                    CheckAddress(call, argument, address.Field, address.Single, report);
                }
                else if (FacadeHeaders.TryGetValue(call.Method, out var header))
                {
                    var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
                    CheckHeader(call, argument, header, report);
                }

                break;
        }
    }

    private static void CollectMessageCall(CallArguments call, IInvocationOperation invocation, TypedMailSymbols symbols, BodyFacts body, List<Send> sends, System.Action<Diagnostic> report)
    {
        if (MessageAddresses.TryGetValue(call.Method, out var address))
        {
            CheckAddress(call, call.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String), address.Field, address.Single, report);
        }
        else if (call.Method == "SetSubject")
        {
            CheckHeader(call, call.ArgumentOf("text", "subject"), "Subject", report);
        }
        else if (call.Method == "AddHeader")
        {
            CheckHeader(call, call.Argument("name"), "header name", report);
            CheckHeader(call, call.Argument("value"), "header value", report);
        }

        // The message reference's host/port/auth operations are matched by parameter name, not by method name.
        foreach (var argument in call.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "password" when argument.Parameter.Type.SpecialType == SpecialType.System_String:
                    ReportSecret(call, argument, $"SmtpMessage.{call.Method} password", report);
                    break;
                case "user" or "userName" when argument.Parameter.Type.SpecialType == SpecialType.System_String:
                    body.Authenticate(argument.Value, BodyFacts.ReferenceOf(invocation.Instance));
                    break;
            }
        }

        if (call.Method is "Send" or "SendAsync"
            && invocation.Arguments.FirstOrDefault(a => TypedMailSymbols.Is(a.Parameter?.Type, symbols.SessionMode)) is { } mode)
        {
            SessionMode? known = CallArguments.TryInt(mode, out var m) && m is >= 0 and <= 3 ? (SessionMode)m : null;
            sends.Add(new Send(call, known, WrittenAt(mode), null, false, BodyFacts.ReferenceOf(invocation.Instance)));
        }
    }

    /// <summary>One send judged at the end of the body: <paramref name="Message"/> is the smtpId variable or message reference it sends.</summary>
    private readonly record struct Send(CallArguments Call, SessionMode? Mode, Location? ModeWritten, PortSetting? Port, bool Authenticated, ISymbol? Message);

    private static void CheckAddress(CallArguments call, IArgumentOperation? argument, string field, bool single, System.Action<Diagnostic> report)
    {
        if (CallArguments.String(argument) is { } text)
        {
            AddressLiterals.Check(field, text, single, call.Where(argument), report);
        }
    }

    private static void CheckHeader(CallArguments call, IArgumentOperation? argument, string field, System.Action<Diagnostic> report)
    {
        if (CallArguments.String(argument) is { } text && HeaderLiterals.HasLineBreak(text))
        {
            report(Diagnostic.Create(Descriptors.LineBreakInHeader, call.Where(argument), field, HeaderLiterals.Show(text)));
        }
    }

    private static void ReportSecret(CallArguments call, IArgumentOperation? argument, string what, System.Action<Diagnostic> report)
    {
        if (CallArguments.IsWritten(argument) && CallArguments.String(argument) is { Length: > 0 })
        {
            report(Diagnostic.Create(Descriptors.SecretLiteral, call.Where(argument), what));
        }
    }
}
