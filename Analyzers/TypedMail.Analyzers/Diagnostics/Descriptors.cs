using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TypedMail.Analyzers.Diagnostics;

/// <summary>Every TypedMail diagnostic, described once; the IDs and default severities are DESIGN.md's table.</summary>
internal static class Descriptors
{
    /// <summary>Where each diagnostic's page lives: <c>{HelpLinkBase}TMxxxx.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/typedmail/typedmail/blob/main/docs/diagnostics/";

    private const string Security = "TypedMail.Security";
    private const string Configuration = "TypedMail.Configuration";
    private const string Addresses = "TypedMail.Addresses";
    private const string Templates = "TypedMail.Templates";
    private const string Message = "TypedMail.Message";
    private const string Generation = "TypedMail.Generation";

    public static readonly DiagnosticDescriptor StartTlsWithoutAuthentication = Create(
        DiagnosticIds.StartTlsWithoutAuthentication, "STARTTLS mode without authentication", "{0}", Security, DiagnosticSeverity.Error,
        "A STARTTLS session (RequireStartTls, or Upgradable with credentials or on port 587) must be authenticated.");

    public static readonly DiagnosticDescriptor StartTlsOnPort25 = Create(
        DiagnosticIds.StartTlsOnPort25, "STARTTLS mode on port 25", "{0}", Security, DiagnosticSeverity.Error,
        "A STARTTLS session must not start on the relay port 25: submission servers listen on 587.");

    public static readonly DiagnosticDescriptor PortModeMismatch = Create(
        DiagnosticIds.PortModeMismatch, "Port and session mode disagree", "{0}", Configuration, DiagnosticSeverity.Warning,
        "Implicit TLS expects port 465; a mode that starts in plain text does not work on port 465.");

    public static readonly DiagnosticDescriptor CredentialsInClearText = Create(
        DiagnosticIds.CredentialsInClearText, "Credentials sent in clear text", "{0}", Security, DiagnosticSeverity.Warning,
        "With NeverTls the user name and password travel unencrypted.");

    public static readonly DiagnosticDescriptor CredentialsWithUpgradable = Create(
        DiagnosticIds.CredentialsWithUpgradable, "Credentials with an upgradable session", "{0}", Security, DiagnosticSeverity.Info,
        "An attacker who strips STARTTLS from the server's reply makes an Upgradable session send the credentials in clear text.");

    public static readonly DiagnosticDescriptor InvalidAddress = Create(
        DiagnosticIds.InvalidAddress, "Invalid address", "{0} is not a valid address: {1}", Addresses, DiagnosticSeverity.Error,
        "An address literal must be a valid RFC 5322 mailbox or mailbox list.");

    public static readonly DiagnosticDescriptor UnknownPlaceholder = Create(
        DiagnosticIds.UnknownPlaceholder, "Template placeholder names no member", "{0}", Templates, DiagnosticSeverity.Error,
        "Each {{Name}} placeholder of a template must name a member of the message class.");

    public static readonly DiagnosticDescriptor UnusedMember = Create(
        DiagnosticIds.UnusedMember, "Member used nowhere", "'{0}' is used by no template, recipient, attachment or header of '{1}'", Templates, DiagnosticSeverity.Warning,
        "A member of a message class that no template, recipient, attachment or header uses is probably a mistake.");

    public static readonly DiagnosticDescriptor MissingFrom = Create(
        DiagnosticIds.MissingFrom, "No From", "'{0}' has no From address: set From on [MailMessage]", Message, DiagnosticSeverity.Error,
        "Every message needs a From address (RFC 5322 section 3.6).");

    public static readonly DiagnosticDescriptor MissingRecipient = Create(
        DiagnosticIds.MissingRecipient, "No recipient", "'{0}' has no recipient: add a [To], [Cc] or [Bcc] member or a constant To, Cc or Bcc", Message, DiagnosticSeverity.Error,
        "A message without any recipient cannot be sent.");

    public static readonly DiagnosticDescriptor NotPartial = Create(
        DiagnosticIds.NotPartial, "Type must be partial", "'{0}' must be partial: the generator adds members to '{1}'", Generation, DiagnosticSeverity.Error,
        "The generator extends the class, so the class and every type that contains it must be partial.");

    public static readonly DiagnosticDescriptor SecretLiteral = Create(
        DiagnosticIds.SecretLiteral, "Secret written as a literal", "The {0} is written as a literal: read it from configuration or a secret store", Security, DiagnosticSeverity.Warning,
        "Passwords in source code end up in version control and in every build output.");

    public static readonly DiagnosticDescriptor OutOfRange = Create(
        DiagnosticIds.OutOfRange, "Port or timeout out of range", "{0}", Configuration, DiagnosticSeverity.Error,
        "A port is 1..65535 (0 means the mode's default); a timeout is 1..127 seconds.");

    public static readonly DiagnosticDescriptor LineBreakInHeader = Create(
        DiagnosticIds.LineBreakInHeader, "Line break in a header literal", "The {0} contains a CR or LF: {1}", Addresses, DiagnosticSeverity.Error,
        "A CR or LF in a header value would end the header and let the text inject new headers.");

    public static readonly DiagnosticDescriptor MissingTemplateFile = Create(
        DiagnosticIds.MissingTemplateFile, "Template file not in AdditionalFiles", "The template file '{0}' is not an AdditionalFiles item of the project", Templates, DiagnosticSeverity.Error,
        "A template given by File = must be listed as <AdditionalFiles Include=\"...\" /> so the compiler can read it.");

    public static readonly DiagnosticDescriptor MemberTypeMismatch = Create(
        DiagnosticIds.MemberTypeMismatch, "Member type does not fit its role", "'{0}' is a {1}, which cannot be {2}: use {3}", Message, DiagnosticSeverity.Error,
        "Recipient members are strings, MimeKit addresses or sequences of either; attachments are byte[], Stream, FileInfo or a path.");

    public static readonly DiagnosticDescriptor MissingSubject = Create(
        DiagnosticIds.MissingSubject, "No subject", "'{0}' has no subject: set Subject on [MailMessage]", Message, DiagnosticSeverity.Warning,
        "A message without a subject is often taken for spam.");

    public static readonly DiagnosticDescriptor CannotGenerate = Create(
        DiagnosticIds.CannotGenerate, "The class cannot be generated", "'{0}' cannot be generated: {1}", Generation, DiagnosticSeverity.Error,
        "The generator cannot write code for this class, so its builder, rendering and sending code do not exist; the message names the reason.");

    public static readonly DiagnosticDescriptor UnknownCulture = Create(
        DiagnosticIds.UnknownCulture, "Culture is not a culture name", "Culture '{0}' is not a culture name: {1}", Templates, DiagnosticSeverity.Error,
        "Culture names the culture that formats the placeholders (e.g. 'fr-FR'); the generated code asks for it by name.");

    public static readonly DiagnosticDescriptor InvalidFormat = Create(
        DiagnosticIds.InvalidFormat, "Placeholder format does not fit", "The format '{1}' of placeholder '{0}' cannot be used: {2}", Templates, DiagnosticSeverity.Error,
        "A {{Name:format}} placeholder's format must be one the member's type can format with (numbers, dates, times, GUIDs, enums); strings take none.");

    public static readonly DiagnosticDescriptor InsecureUnsubscribe = Create(
        DiagnosticIds.InsecureUnsubscribe, "Unsubscribe link is not https", "The unsubscribe link '{0}' cannot be a one-click link: {1}", Message, DiagnosticSeverity.Error,
        "RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) works only with an https link; mailbox providers ignore or distrust any other.");

    public static readonly DiagnosticDescriptor InvalidSettingsFile = Create(
        DiagnosticIds.InvalidSettingsFile, "Settings file is not valid JSON", "{0} is not valid JSON: {1}", Configuration, DiagnosticSeverity.Warning,
        "An appsettings file given to the analyzers must be JSON as the configuration binder reads it (comments and trailing commas allowed); the host fails to start on it.");

    /// <summary>The descriptor of a definition problem, or <see langword="null"/> for TM0011 (the partial-type analyzer reports it).</summary>
    public static DiagnosticDescriptor? ForProblem(TypedMail.Definitions.ProblemKind kind) => kind switch
    {
        TypedMail.Definitions.ProblemKind.UnknownPlaceholder => UnknownPlaceholder,
        TypedMail.Definitions.ProblemKind.UnusedMember => UnusedMember,
        TypedMail.Definitions.ProblemKind.MissingFrom => MissingFrom,
        TypedMail.Definitions.ProblemKind.MissingRecipient => MissingRecipient,
        TypedMail.Definitions.ProblemKind.MissingTemplateFile => MissingTemplateFile,
        TypedMail.Definitions.ProblemKind.MemberTypeMismatch => MemberTypeMismatch,
        TypedMail.Definitions.ProblemKind.MissingSubject => MissingSubject,
        TypedMail.Definitions.ProblemKind.CannotGenerate => CannotGenerate,
        TypedMail.Definitions.ProblemKind.UnknownCulture => UnknownCulture,
        TypedMail.Definitions.ProblemKind.InvalidFormat => InvalidFormat,
        TypedMail.Definitions.ProblemKind.WrongSectionType => WrongSectionType,
        TypedMail.Definitions.ProblemKind.TemplateSyntax => TemplateSyntax,
        TypedMail.Definitions.ProblemKind.InsecureUnsubscribe => InsecureUnsubscribe,
        _ => null,
    };

    public static readonly DiagnosticDescriptor WrongSectionType = Create(
        DiagnosticIds.WrongSectionType, "Template section on a member of the wrong type", "{0}", Templates, DiagnosticSeverity.Error,
        "#each walks a sequence; #if and #unless test a bool, a nullable value, a string or a sequence; {{{…}}} writes only a TypedMail.HtmlString.");

    public static readonly DiagnosticDescriptor TemplateSyntax = Create(
        DiagnosticIds.TemplateSyntax, "Template syntax error", "{0}", Templates, DiagnosticSeverity.Error,
        "Sections are closed in order, {{else}} belongs to #if or #unless, a layout has one {{> body}}, a placeholder names a member.");

    /// <summary>The help page of a diagnostic.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));

    /// <summary>The descriptor of a settings rule returned by <see cref="SmtpRules.Check"/>.</summary>
    public static DiagnosticDescriptor ForRule(string id) => id switch
    {
        DiagnosticIds.StartTlsWithoutAuthentication => StartTlsWithoutAuthentication,
        DiagnosticIds.StartTlsOnPort25 => StartTlsOnPort25,
        DiagnosticIds.PortModeMismatch => PortModeMismatch,
        DiagnosticIds.CredentialsInClearText => CredentialsInClearText,
        DiagnosticIds.CredentialsWithUpgradable => CredentialsWithUpgradable,
        _ => OutOfRange,
    };

    /// <summary>The descriptors of every settings rule that <see cref="SmtpRules.Check"/> can return.</summary>
    public static ImmutableArray<DiagnosticDescriptor> SettingsRules { get; } = ImmutableArray.Create(
        StartTlsWithoutAuthentication, StartTlsOnPort25, PortModeMismatch, CredentialsInClearText, CredentialsWithUpgradable, OutOfRange);
}
