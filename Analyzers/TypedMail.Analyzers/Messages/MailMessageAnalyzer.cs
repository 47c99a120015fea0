using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Symbols;
using TypedMail.Analyzers.Templates;
using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Analyzers.Messages;

/// <summary>
/// Judges each <c>[MailMessage]</c> class: its address and header literals, its templates and placeholders, its
/// members' roles and types, and whether it has a From, a recipient and a subject.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MailMessageAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key of the diagnostic property naming the member a TM0007 placeholder should be renamed to.</summary>
    public const string NearestMemberKey = "NearestMember";

    private static readonly (string Name, bool Single)[] AddressFields =
    [
        ("From", false), ("Sender", true), ("ReplyTo", false), ("To", false), ("Cc", false), ("Bcc", false),
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.InvalidAddress, Descriptors.UnknownPlaceholder, Descriptors.UnusedMember, Descriptors.MissingFrom,
        Descriptors.MissingRecipient, Descriptors.LineBreakInHeader, Descriptors.MissingTemplateFile,
        Descriptors.MemberTypeMismatch, Descriptors.MissingSubject, Descriptors.WrongSectionType, Descriptors.TemplateSyntax);

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

            start.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, TypedMailSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attributes = type.GetAttributes();
        var mailMessage = attributes.FirstOrDefault(a => TypedMailSymbols.Is(a.AttributeClass, symbols.MailMessage));
        if (mailMessage is null)
        {
            return;
        }

        var ct = context.CancellationToken;
        var message = new AttributeArguments(mailMessage, ct);
        var report = (System.Action<Diagnostic>)context.ReportDiagnostic;

        foreach (var (name, single) in AddressFields)
        {
            if (message.NamedString(name) is { } value)
            {
                AddressLiterals.Check(name, value, single, message.NamedLocation(name), report);
            }
        }

        var templates = new List<(string Role, TemplateText Template, bool Html, string? Layout, Location? LayoutLocation)>();
        var subject = message.NamedString("Subject");
        if (subject is not null)
        {
            if (HeaderLiterals.HasLineBreak(subject))
            {
                report(Diagnostic.Create(Descriptors.LineBreakInHeader, message.NamedLocation("Subject"), "Subject", HeaderLiterals.Show(subject)));
            }

            templates.Add(("subject", TemplateText.Inline(subject, message.NamedExpression("Subject")), false, null, null));
        }

        var allTemplatesRead = true;
        foreach (var attribute in attributes)
        {
            if (TypedMailSymbols.Is(attribute.AttributeClass, symbols.Header))
            {
                var header = new AttributeArguments(attribute, ct);
                var headerName = header.Positional(0) ?? string.Empty;
                if (HeaderLiterals.HasLineBreak(headerName))
                {
                    report(Diagnostic.Create(Descriptors.LineBreakInHeader, header.PositionalExpression(0)?.GetLocation() ?? header.Location, "header name", HeaderLiterals.Show(headerName)));
                }

                if (header.Positional(1) is { } headerValue)
                {
                    if (HeaderLiterals.HasLineBreak(headerValue))
                    {
                        report(Diagnostic.Create(Descriptors.LineBreakInHeader, header.PositionalExpression(1)?.GetLocation() ?? header.Location, $"value of header '{headerName}'", HeaderLiterals.Show(headerValue)));
                    }

                    templates.Add(($"header '{headerName}'", TemplateText.Inline(headerValue, header.PositionalExpression(1)), false, null, null));
                }
            }
            else if (TypedMailSymbols.Is(attribute.AttributeClass, symbols.TextBody) || TypedMailSymbols.Is(attribute.AttributeClass, symbols.HtmlBody))
            {
                var body = new AttributeArguments(attribute, ct);
                var html = TypedMailSymbols.Is(attribute.AttributeClass, symbols.HtmlBody);
                var role = html ? "HTML body" : "text body";
                var layout = body.NamedString("Layout");
                var layoutLocation = layout is null ? null : body.NamedLocation("Layout");
                if (body.Positional(0) is { } inline)
                {
                    templates.Add((role, TemplateText.Inline(inline, body.PositionalExpression(0)), html, layout, layoutLocation));
                }
                else if (body.NamedString("File") is { } path)
                {
                    var file = TemplateFiles.Find(context.Options.AdditionalFiles, path);
                    var content = file?.GetText(ct);
                    if (file is null || content is null)
                    {
                        allTemplatesRead = false;
                        report(Diagnostic.Create(Descriptors.MissingTemplateFile, body.NamedLocation("File"), path));
                    }
                    else
                    {
                        templates.Add((role, TemplateText.FromFile(file, content, body.NamedLocation("File")), html, layout, layoutLocation));
                    }
                }
            }
        }

        var members = MessageMembers(type);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        var hasRecipientMember = false;
        foreach (var member in members)
        {
            var memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
            foreach (var attribute in member.GetAttributes())
            {
                var role = RoleOf(attribute.AttributeClass, symbols);
                if (role is null)
                {
                    continue;
                }

                used.Add(member.Name);
                var isAttachment = role == "an attachment";
                if (!isAttachment && role != "a ReplyTo address")
                {
                    hasRecipientMember = true;
                }

                var fits = isAttachment ? FitsAttachment(memberType, symbols) : FitsRecipient(memberType, symbols);
                if (!fits)
                {
                    var expected = isAttachment
                        ? "byte[], Stream, FileInfo or a file path (string)"
                        : "string, IEnumerable<string> or a MimeKit MailboxAddress";
                    report(Diagnostic.Create(Descriptors.MemberTypeMismatch, member.Locations.FirstOrDefault() ?? Location.None,
                        member.Name, memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), role, expected));
                }
            }
        }

        var catalog = ShapeReader.Read(type);
        foreach (var (role, template, html, layout, layoutLocation) in templates)
        {
            TemplateSource? Find(string path) =>
                TemplateFiles.Find(context.Options.AdditionalFiles, path) is { } found && found.GetText(ct) is { } content
                    ? new TemplateSource(found.Path, content.ToString())
                    : null;

            var bound = TemplateBinder.Bind(template.Text, new TemplateBindingContext(catalog, type.Name, role, html, layout, Find));
            used.UnionWith(bound.UsedMembers);
            foreach (var problem in bound.Problems)
            {
                if (TemplateProblems.Report(problem, template, layoutLocation, context.Options.AdditionalFiles, ct) is { } diagnostic)
                {
                    report(diagnostic);
                }

                allTemplatesRead &= problem.Id != "TM0015";
            }
        }

        if (allTemplatesRead)
        {
            foreach (var member in members)
            {
                if (!used.Contains(member.Name))
                {
                    report(Diagnostic.Create(Descriptors.UnusedMember, member.Locations.FirstOrDefault() ?? Location.None, member.Name, type.Name));
                }
            }
        }

        if (string.IsNullOrWhiteSpace(message.NamedString("From")))
        {
            report(Diagnostic.Create(Descriptors.MissingFrom, message.Location, type.Name));
        }

        var constantRecipient = new[] { "To", "Cc", "Bcc" }.Any(n => !string.IsNullOrWhiteSpace(message.NamedString(n)));
        if (!hasRecipientMember && !constantRecipient)
        {
            report(Diagnostic.Create(Descriptors.MissingRecipient, message.Location, type.Name));
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            report(Diagnostic.Create(Descriptors.MissingSubject, message.Location, type.Name));
        }
    }

    /// <summary>
    /// The members the generator gives a builder method (as its MemberReader decides): declared instance fields and
    /// properties that other code could set — public, internal or protected internal, with such a setter, not read-only.
    /// </summary>
    internal static List<ISymbol> MessageMembers(INamedTypeSymbol type) =>
        type.GetMembers()
            .Where(m => !m.IsStatic && !m.IsImplicitlyDeclared && m.CanBeReferencedByName && IsVisible(m.DeclaredAccessibility)
                        && (m is IPropertySymbol { IsIndexer: false, SetMethod: { } setter } && IsVisible(setter.DeclaredAccessibility)
                            || m is IFieldSymbol { IsConst: false, IsReadOnly: false }))
            .ToList();

    private static bool IsVisible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static string? RoleOf(INamedTypeSymbol? attribute, TypedMailSymbols symbols) =>
        TypedMailSymbols.Is(attribute, symbols.To) ? "a To recipient"
        : TypedMailSymbols.Is(attribute, symbols.Cc) ? "a Cc recipient"
        : TypedMailSymbols.Is(attribute, symbols.Bcc) ? "a Bcc recipient"
        : TypedMailSymbols.Is(attribute, symbols.ReplyTo) ? "a ReplyTo address"
        : TypedMailSymbols.Is(attribute, symbols.Attachment) ? "an attachment"
        : null;

    private static bool FitsRecipient(ITypeSymbol type, TypedMailSymbols symbols) =>
        type.SpecialType == SpecialType.System_String
        || IsInternetAddress(type, symbols)
        || EnumerableElements(type, symbols).Any(e => e.SpecialType == SpecialType.System_String || IsInternetAddress(e, symbols));

    private static bool FitsAttachment(ITypeSymbol type, TypedMailSymbols symbols) =>
        type.SpecialType == SpecialType.System_String
        || type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
        || DerivesFrom(type, symbols.Stream)
        || TypedMailSymbols.Is(type, symbols.FileInfo);

    private static bool IsInternetAddress(ITypeSymbol type, TypedMailSymbols symbols) => DerivesFrom(type, symbols.InternetAddress);

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var t = type; t is not null && baseType is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ITypeSymbol> EnumerableElements(ITypeSymbol type, TypedMailSymbols symbols)
    {
        var candidates = type is INamedTypeSymbol named ? type.AllInterfaces.Add(named) : type.AllInterfaces;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, symbols.GenericEnumerable))
            {
                yield return candidate.TypeArguments[0];
            }
        }
    }
}
