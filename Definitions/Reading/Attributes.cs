using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>TypedMail's attributes recognized by namespace and name, and their arguments.</summary>
internal static class Attributes
{
    public static bool Is(AttributeData attribute, string shortName) =>
        attribute.AttributeClass is { ContainingNamespace: { Name: "TypedMail", ContainingNamespace.IsGlobalNamespace: true } } c
        && c.Name == shortName + "Attribute";

    public static bool IsMessage(INamedTypeSymbol type) => type.GetAttributes().Any(a => Is(a, "MailMessage"));

    public static MemberRole RoleOf(AttributeData attribute) =>
        Is(attribute, "To") ? MemberRole.To
        : Is(attribute, "Cc") ? MemberRole.Cc
        : Is(attribute, "Bcc") ? MemberRole.Bcc
        : Is(attribute, "ReplyTo") ? MemberRole.ReplyTo
        : Is(attribute, "Attachment") ? MemberRole.Attachment
        : Is(attribute, "Unsubscribe") ? MemberRole.Unsubscribe
        : MemberRole.None;

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

    public static bool HasNamed(AttributeData attribute, string name) => attribute.NamedArguments.Any(a => a.Key == name);

    public static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    public static string? PositionalString(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index].Kind == TypedConstantKind.Primitive
            ? attribute.ConstructorArguments[index].Value as string
            : null;
}
