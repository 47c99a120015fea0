using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>TypedMail's attributes recognized by namespace and name, and their arguments.</summary>
internal static class Attributes
{
    private const string Suffix = "Attribute";

    // Compared in place: these run for every attribute of every message class and member on every edit, and spelling
    // "shortName + Attribute" each time was a string per comparison.
    public static bool Is(AttributeData attribute, string shortName) =>
        ShortNameOf(attribute) is { } name && name.Length == shortName.Length + Suffix.Length
        && string.CompareOrdinal(name, 0, shortName, 0, shortName.Length) == 0;

    public static bool IsMessage(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (Is(attribute, "MailMessage"))
            {
                return true;
            }
        }

        return false;
    }

    public static MemberRole RoleOf(AttributeData attribute) => ShortNameOf(attribute) switch
    {
        "ToAttribute" => MemberRole.To,
        "CcAttribute" => MemberRole.Cc,
        "BccAttribute" => MemberRole.Bcc,
        "ReplyToAttribute" => MemberRole.ReplyTo,
        "AttachmentAttribute" => MemberRole.Attachment,
        "UnsubscribeAttribute" => MemberRole.Unsubscribe,
        _ => MemberRole.None,
    };

    /// <summary>The class name of one of TypedMail's attributes (<c>ToAttribute</c>), or <see langword="null"/> for any other attribute.</summary>
    private static string? ShortNameOf(AttributeData attribute) =>
        attribute.AttributeClass is { ContainingNamespace: { Name: "TypedMail", ContainingNamespace.IsGlobalNamespace: true } } c
        && c.Name.EndsWith(Suffix, System.StringComparison.Ordinal)
            ? c.Name
            : null;

    /// <summary>
    /// Whether the member was written by this generator (<c>[GeneratedCode("TypedMail.Generator", ...)]</c>): the analyzers
    /// see the generated half of the class too, and must read the class as the generator did, before it wrote anything.
    /// </summary>
    public static bool IsGenerated(ISymbol member) =>
        Of(member).Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute"
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == "TypedMail.Generator");

    /// <summary>
    /// The member's attributes, without binding them when no declaration of the member has any attribute list: asking
    /// Roslyn binds them against every new compilation, so on every edit, for every member of every message class.
    /// </summary>
    public static ImmutableArray<AttributeData> Of(ISymbol member)
    {
        var references = member.DeclaringSyntaxReferences;
        if (references.IsEmpty || IsPartial(member))
        {
            return member.GetAttributes();   // from metadata, or a partial member whose other part may hold them
        }

        foreach (var reference in references)
        {
            var declaration = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } => field,
                MemberDeclarationSyntax other => other,
                _ => null,
            };
            if (declaration is null || declaration.AttributeLists.Count > 0)
            {
                return member.GetAttributes();
            }
        }

        return ImmutableArray<AttributeData>.Empty;
    }

    private static bool IsPartial(ISymbol member) => member switch
    {
        IPropertySymbol p => p.PartialDefinitionPart is not null || p.PartialImplementationPart is not null,
        IMethodSymbol m => m.PartialDefinitionPart is not null || m.PartialImplementationPart is not null,
        _ => false,
    };

    /// <summary>The constructors the user wrote (neither implicit nor generated).</summary>
    public static System.Collections.Generic.IEnumerable<IMethodSymbol> UserConstructors(INamedTypeSymbol type) =>
        type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared && !IsGenerated(c));

    public static bool HasNamed(AttributeData attribute, string name) => Named(attribute, name) is not null;

    public static string? NamedString(AttributeData attribute, string name) => Named(attribute, name)?.Value as string;

    // A loop, not LINQ: both run for every argument of every attribute of every message class on every edit.
    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    public static string? PositionalString(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index].Kind == TypedConstantKind.Primitive
            ? attribute.ConstructorArguments[index].Value as string
            : null;
}
