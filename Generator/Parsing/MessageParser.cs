using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedMail.Generator.Model;
using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Generator.Parsing;

/// <summary>Turns a <c>[MailMessage]</c> class into a <see cref="MessageSpec"/>, or nothing when it cannot be generated.</summary>
internal static class MessageParser
{
    /// <summary>Names the generated code declares in the class: a member with one of them makes the class ungeneratable.</summary>
    internal static readonly HashSet<string> ReservedNames = new()
    {
        "Create", "Builder", "Build", "ToMimeMessage", "ToSmtpMessage", "SendAsync", "TypedMailState", "TypedMailFormat",
        "TypedMailSubject", "TypedMailTextBody", "TypedMailHtmlBody", "TypedMailAttachments",
    };

    /// <summary>The spec of the class, or <see langword="null"/> when something stops generation (the analyzers report it).</summary>
    public static MessageSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } type)
        {
            return null;
        }

        var identity = TypeIdentityReader.Read(type, cancellationToken);
        if (identity is null)
        {
            return null;
        }

        var known = new KnownTypes(context.SemanticModel.Compilation);
        var members = MemberReader.Read(type, known);
        if (members is null
            || members.Any(m => ReservedNames.Contains(m.Name) || m.Name.StartsWith("TypedMail", System.StringComparison.Ordinal))
            || type.GetTypeMembers().Any(t => ReservedNames.Contains(t.Name)))
        {
            return null;
        }

        var userParameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0 && !c.IsImplicitlyDeclared);
        var hasOtherConstructors = type.InstanceConstructors.Any(c => c.Parameters.Length > 0 && !c.IsImplicitlyDeclared && !IsCopyConstructor(c, type));
        if (userParameterless is null && hasOtherConstructors)
        {
            return null;
        }

        if (members.Any(m => m.IsRequired) && known.SetsRequiredMembers is null)
        {
            return null;
        }

        var attributes = type.GetAttributes();
        var message = context.Attributes[0];
        var textBody = Body(attributes, "TextBodyAttribute");
        var htmlBody = Body(attributes, "HtmlBodyAttribute");
        var subjectText = Named(message, "Subject");
        if (ReferenceEquals(textBody, Invalid) || ReferenceEquals(htmlBody, Invalid))
        {
            return null;
        }

        var subject = subjectText is null ? null : Inline(subjectText);

        var headers = new List<HeaderSpec>();
        foreach (var attribute in attributes.Where(a => IsTypedMail(a, "HeaderAttribute")))
        {
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string name
                || attribute.ConstructorArguments[1].Value is not string value)
            {
                return null;
            }

            headers.Add(new HeaderSpec(name, Inline(value)));
        }

        var constants = new MessageConstants(
            Named(message, "From"),
            Named(message, "Sender"),
            Named(message, "ReplyTo"),
            Named(message, "To"),
            Named(message, "Cc"),
            Named(message, "Bcc"),
            Named(message, "Culture"));
        return new MessageSpec(
            identity,
            constants,
            subject,
            textBody,
            htmlBody,
            EquatableArray.From(headers),
            EquatableArray.From(members),
            userParameterless is not null,
            HasMessageBase(type),
            ShapeReader.Read(type));
    }

    private static bool HasMessageBase(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.GetAttributes().Any(a => IsTypedMail(a, "MailMessageAttribute")))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly TemplateSpec Invalid = new("<invalid>", null, null, EquatableArray<RenderStep>.Empty);

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static TemplateSpec? Body(IEnumerable<AttributeData> attributes, string attributeName)
    {
        var attribute = attributes.FirstOrDefault(a => IsTypedMail(a, attributeName));
        if (attribute is null)
        {
            return null;
        }

        var file = Named(attribute, "File");
        var layout = Named(attribute, "Layout");
        var inline = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (file is not null && inline is null)
        {
            return new TemplateSpec(file, null, layout, EquatableArray<RenderStep>.Empty);
        }

        return file is null && inline is not null ? Inline(inline) with { LayoutPath = layout } : Invalid;
    }

    /// <summary>An inline template, bound later (with the files it may include).</summary>
    private static TemplateSpec Inline(string text) => new(null, text, null, EquatableArray<RenderStep>.Empty);

    private static bool IsTypedMail(AttributeData attribute, string name) =>
        attribute.AttributeClass is { ContainingNamespace: { Name: "TypedMail", ContainingNamespace.IsGlobalNamespace: true } } c && c.Name == name;

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}
