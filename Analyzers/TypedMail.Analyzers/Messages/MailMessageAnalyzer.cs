using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Problems;
using TypedMail.Analyzers.Symbols;
using TypedMail.Definitions;
using TypedMail.Definitions.Model;
using TypedMail.Definitions.Templates;

namespace TypedMail.Analyzers.Messages;

/// <summary>
/// Judges each <c>[MailMessage]</c> class. The class is read by the definition reader the generator uses, so what
/// this reports (templates, placeholders, formats, culture, members, roles, whether it can be generated) is what the
/// generator sees; only the address and header literals are judged here, with the runtime's own parser.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MailMessageAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key of the diagnostic property naming the member a TM0007 placeholder should be renamed to.</summary>
    public const string NearestMemberKey = ProblemReporter.NearestMemberKey;

    private static readonly (string Name, bool Single)[] AddressFields =
    [
        ("From", false), ("Sender", true), ("ReplyTo", false), ("To", false), ("Cc", false), ("Bcc", false),
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.InvalidAddress, Descriptors.UnknownPlaceholder, Descriptors.UnusedMember, Descriptors.MissingFrom,
        Descriptors.MissingRecipient, Descriptors.LineBreakInHeader, Descriptors.MissingTemplateFile,
        Descriptors.MemberTypeMismatch, Descriptors.MissingSubject, Descriptors.CannotGenerate, Descriptors.UnknownCulture,
        Descriptors.InvalidFormat, Descriptors.WrongSectionType, Descriptors.TemplateSyntax,
        Descriptors.InsecureUnsubscribe);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TypedMailSymbols.From(start.Compilation);
            if (symbols?.MailMessage is null)
            {
                return;
            }

            var templateFiles = new TemplateFileTexts(start.Options.AdditionalFiles);
            start.RegisterSymbolAction(c => Analyze(c, symbols, templateFiles), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, TypedMailSymbols symbols, TemplateFileTexts templateFiles)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var mailMessage = type.GetAttributes().FirstOrDefault(a => TypedMailSymbols.Is(a.AttributeClass, symbols.MailMessage));
        if (mailMessage is null)
        {
            return;
        }

        var ct = context.CancellationToken;
        CheckLiterals(type, mailMessage, symbols, context.ReportDiagnostic, ct);

        var read = MessageReader.Read(type, context.Compilation, ct);
        var reporter = new ProblemReporter(type, context.Options.AdditionalFiles, ct);
        reporter.Report(read.Problems, context.ReportDiagnostic);
        if (read.Model is { } spec)
        {
            var resolved = TemplateResolver.Resolve(spec, templateFiles.Read(ct));
            reporter.Report(resolved.Problems, context.ReportDiagnostic);
        }
    }

    /// <summary>
    /// The AdditionalFiles items, read once per compilation rather than once per message class: a body names its
    /// layout and partials inside its text, so every item is a candidate for every class.
    /// </summary>
    private sealed class TemplateFileTexts(ImmutableArray<AdditionalText> files)
    {
        private readonly object gate = new();
        private IReadOnlyList<TemplateFile>? read;

        public IReadOnlyList<TemplateFile> Read(System.Threading.CancellationToken ct)
        {
            lock (gate)
            {
                if (read is null)
                {
                    var found = new List<TemplateFile>();
                    foreach (var file in files)
                    {
                        if (file.GetText(ct) is { } text)
                        {
                            found.Add(new TemplateFile(file.Path, text.ToString()));
                        }
                    }

                    read = found;   // set only when complete: a cancelled read is not kept
                }

                return read;
            }
        }
    }

    /// <summary>TM0006 and TM0014 on the constants written in the attributes.</summary>
    private static void CheckLiterals(INamedTypeSymbol type, AttributeData mailMessage, TypedMailSymbols symbols, System.Action<Diagnostic> report, System.Threading.CancellationToken ct)
    {
        var message = new AttributeArguments(mailMessage, ct);
        foreach (var (name, single) in AddressFields)
        {
            if (message.NamedString(name) is { } value)
            {
                AddressLiterals.Check(name, value, single, message.NamedLocation(name), report);
            }
        }

        if (message.NamedString("Subject") is { } subject && HeaderLiterals.HasLineBreak(subject))
        {
            report(Diagnostic.Create(Descriptors.LineBreakInHeader, message.NamedLocation("Subject"), "Subject", HeaderLiterals.Show(subject)));
        }

        foreach (var attribute in type.GetAttributes().Where(a => TypedMailSymbols.Is(a.AttributeClass, symbols.Header)))
        {
            var header = new AttributeArguments(attribute, ct);
            var headerName = header.Positional(0) ?? string.Empty;
            if (HeaderLiterals.HasLineBreak(headerName))
            {
                report(Diagnostic.Create(Descriptors.LineBreakInHeader, header.PositionalExpression(0)?.GetLocation() ?? header.Location, "header name", HeaderLiterals.Show(headerName)));
            }

            if (header.Positional(1) is { } headerValue && HeaderLiterals.HasLineBreak(headerValue))
            {
                report(Diagnostic.Create(Descriptors.LineBreakInHeader, header.PositionalExpression(1)?.GetLocation() ?? header.Location, $"value of header '{headerName}'", HeaderLiterals.Show(headerValue)));
            }
        }
    }
}
