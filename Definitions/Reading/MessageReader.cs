using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedMail.Definitions.Model;
using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Definitions;

/// <summary>
/// Reads a <c>[MailMessage]</c> class: its identity, members, constants and templates (inline text, or the path of a
/// file that <see cref="Templates.TemplateResolver"/> fills in), and the problems of the class itself. The model is
/// <see langword="null"/> only when no code can be generated for the class (TM0011, TM0018).
/// </summary>
internal static class MessageReader
{
    public static Reading<MessageSpec> Read(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var attributes = type.GetAttributes();
        var message = attributes.First(a => Attributes.Is(a, "MailMessage"));
        var identity = TypeIdentityReader.Read(type, problems, cancellationToken);
        var known = KnownTypes.For(compilation);
        var members = MemberDiscovery.Read(type, known, problems, cancellationToken);
        var textBody = Body(attributes, "TextBody", "text body", problems);
        var htmlBody = Body(attributes, "HtmlBody", "HTML body", problems);
        var subjectText = Attributes.NamedString(message, "Subject");
        var subject = subjectText is null ? null : Inline(new AttributeSlot("MailMessage", 0, "Subject"), "subject", subjectText);
        var headers = Headers(attributes, problems);

        var culture = Attributes.NamedString(message, "Culture");
        if (culture is not null && CultureNames.Problem(culture) is { } cultureProblem)
        {
            problems.Add(Problem.Create(ProblemKind.UnknownCulture, ProblemSite.OfArgument(new AttributeSlot("MailMessage", 0, "Culture")), culture, cultureProblem));
            culture = null;   // generated code falls back to the invariant culture; the build fails on TM0019
        }

        var constants = new MessageConstants(
            Attributes.NamedString(message, "From"),
            Attributes.NamedString(message, "Sender"),
            Attributes.NamedString(message, "ReplyTo"),
            Attributes.NamedString(message, "To"),
            Attributes.NamedString(message, "Cc"),
            Attributes.NamedString(message, "Bcc"),
            culture is { Length: > 0 } ? culture : null);
        CheckCompleteness(type, constants, subjectText, members, problems);

        var constructors = Attributes.UserConstructors(type).ToList();
        var blocked = Blocker(type, members, known, attributes, constructors);
        if (blocked is not null)
        {
            problems.Add(Problem.Create(ProblemKind.CannotGenerate, ProblemSite.Class, type.Name, blocked));
        }

        var userParameterless = constructors.Any(c => c.Parameters.Length == 0);
        var spec = new MessageSpec(
            identity,
            constants,
            subject,
            textBody,
            htmlBody,
            EquatableArray.From(headers),
            EquatableArray.From(members),
            userParameterless,
            BaseClasses.Of(type) is { } baseType && HasMessageBase(baseType),
            TemplateBinding.ShapeReader.Read(type, known))
        {
            Unsubscribe = DeliverabilityReader.Link(message, problems),
            UnsubscribeMailto = DeliverabilityReader.Mailto(message),
            TextAlternative = DeliverabilityReader.TextAlternative(attributes),
        };
        return Reading<MessageSpec>.Of(spec, problems);
    }

    /// <summary>Why the class cannot be generated (beyond its identity), or <see langword="null"/>.</summary>
    private static string? Blocker(INamedTypeSymbol type, List<MemberSpec> members, KnownTypes known, IEnumerable<AttributeData> attributes, List<IMethodSymbol> constructors)
    {
        if (GeneratedNames.Clash(type, GeneratedNames.Message, isMessage: true) is { } clash)
        {
            return $"its member '{clash}' has a name the generated code declares (Create, Builder, Build, ToMimeMessage, ToSmtpMessage, SendAsync, TypedMail…); rename it";
        }

        var hasParameterless = constructors.Any(c => c.Parameters.Length == 0);
        var hasOthers = constructors.Any(c => c.Parameters.Length > 0 && !IsCopyConstructor(c, type));
        if (!hasParameterless && hasOthers)
        {
            return "it has constructors with parameters but no parameterless constructor, which the builder needs; add one";
        }

        if (members.Any(m => m.IsRequired) && known.SetsRequiredMembers is null)
        {
            return "it has required members but System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute is not available to the builder";
        }

        foreach (var body in new[] { "TextBody", "HtmlBody" })
        {
            var attribute = attributes.FirstOrDefault(a => Attributes.Is(a, body));
            if (attribute is not null && Attributes.PositionalString(attribute, 0) is not null && Attributes.HasNamed(attribute, "File"))
            {
                return $"its [{body}] has both an inline template and File =; keep one";
            }
        }

        var unnamed = attributes.Where(a => Attributes.Is(a, "Header")).Any(a => string.IsNullOrEmpty(Attributes.PositionalString(a, 0)));
        return unnamed ? "a [Header] has no name" : null;
    }

    private static void CheckCompleteness(INamedTypeSymbol type, MessageConstants constants, string? subject, List<MemberSpec> members, List<Problem> problems)
    {
        var attribute = ProblemSite.OfArgument(new AttributeSlot("MailMessage", 0, null));
        if (string.IsNullOrWhiteSpace(constants.From))
        {
            problems.Add(Problem.Create(ProblemKind.MissingFrom, attribute, type.Name));
        }

        var constantRecipient = !string.IsNullOrWhiteSpace(constants.To) || !string.IsNullOrWhiteSpace(constants.Cc) || !string.IsNullOrWhiteSpace(constants.Bcc);
        // A recipient member counts when it carries [To], [Cc] or [Bcc]; a wrong type is TM0016's business, not TM0010's.
        var recipientMember = members.Any(m => m.Role is MemberRole.To or MemberRole.Cc or MemberRole.Bcc || (m.HasRoleAttribute && m.Role == MemberRole.None));
        if (!constantRecipient && !recipientMember)
        {
            problems.Add(Problem.Create(ProblemKind.MissingRecipient, attribute, type.Name));
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            problems.Add(Problem.Create(ProblemKind.MissingSubject, attribute, type.Name));
        }
    }

    private static bool HasMessageBase(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = BaseClasses.Of(t))
        {
            if (Attributes.IsMessage(t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static TemplateSpec? Body(IEnumerable<AttributeData> attributes, string attributeName, string role, List<Problem> problems)
    {
        var attribute = attributes.FirstOrDefault(a => Attributes.Is(a, attributeName));
        if (attribute is null)
        {
            return null;
        }

        var layout = Attributes.NamedString(attribute, "Layout");
        var inline = Attributes.PositionalString(attribute, 0);
        if (inline is not null)
        {
            return Inline(new AttributeSlot(attributeName, 0, "0"), role, inline) with { LayoutPath = layout };
        }

        var file = Attributes.NamedString(attribute, "File");
        if (file is not null)
        {
            return new TemplateSpec(new AttributeSlot(attributeName, 0, "File"), role, file, null, EquatableArray<RenderStep>.Empty) { LayoutPath = layout };
        }

        // Neither: an empty body (the compiler already reports a missing argument or a null).
        return Inline(new AttributeSlot(attributeName, 0, "0"), role, string.Empty);
    }

    private static List<HeaderSpec> Headers(IEnumerable<AttributeData> attributes, List<Problem> problems)
    {
        var headers = new List<HeaderSpec>();
        var index = 0;
        foreach (var attribute in attributes.Where(a => Attributes.Is(a, "Header")))
        {
            var name = Attributes.PositionalString(attribute, 0) ?? string.Empty;
            var value = Attributes.PositionalString(attribute, 1) ?? string.Empty;
            headers.Add(new HeaderSpec(name, Inline(new AttributeSlot("Header", index, "1"), $"header '{name}'", value)));
            index++;
        }

        return headers;
    }

    private static TemplateSpec Inline(AttributeSlot origin, string role, string text) =>
        new(origin, role, null, text, EquatableArray<RenderStep>.Empty);
}
