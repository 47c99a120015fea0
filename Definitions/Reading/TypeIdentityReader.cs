using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>Reads where an annotated class lives, and whether a partial declaration can be added to it.</summary>
internal static class TypeIdentityReader
{
    /// <summary>The identity; a class that cannot take a generated partial declaration adds the problem that says why.</summary>
    public static TypeIdentity Read(INamedTypeSymbol type, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (!IsPartial(type, cancellationToken) || ContainingTypes(type).Any(t => !IsPartial(t, cancellationToken)))
        {
            problems.Add(Problem.Create(ProblemKind.NotPartial, ProblemSite.Class, type.Name));
        }
        else if (Unsupported(type) is { } reason)
        {
            problems.Add(Problem.Create(ProblemKind.CannotGenerate, ProblemSite.Class, type.Name, reason));
        }

        // A generic container is fine: the partial declarations repeat its type parameters (constraints may be left out).
        var containing = ContainingTypes(type).Reverse().Select(outer => new ContainingType(Keyword(outer), outer.Name + TypeParameters(outer, "<", ", ", ">"))).ToList();
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        var nested = string.Join("+", ContainingTypes(type).Reverse().Select(t => t.Name + TypeParameters(t, "_", "_", string.Empty)).Concat(new[] { type.Name }));
        var hintStem = ns.Length == 0 ? nested : ns + "." + nested;
        return new TypeIdentity(
            ns,
            EquatableArray.From(containing),
            Keyword(type),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            hintStem);
    }

    /// <summary>Why no partial declaration can be written for the class, or <see langword="null"/>.</summary>
    private static string? Unsupported(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return type.TypeKind == TypeKind.Struct ? "it is a struct; declare it as a class or a record class" : $"it is a {type.TypeKind.ToString().ToLowerInvariant()}, not a class";
        }

        if (type.IsStatic)
        {
            return "it is static; a message is an object";
        }

        if (type.IsAbstract)
        {
            return "it is abstract, so no message can be built from it; put [MailMessage] on the classes that derive from it";
        }

        if (type.TypeParameters.Length > 0)
        {
            return "it is generic; the generated builder needs a closed type";
        }

        if (type.IsFileLocal)
        {
            return "it is file-local ('file' classes cannot be extended from a generated file)";
        }

        foreach (var outer in ContainingTypes(type))
        {
            if (outer.IsFileLocal)
            {
                return $"the type '{outer.Name}' that contains it is file-local";
            }
        }

        return null;
    }

    private static string TypeParameters(INamedTypeSymbol type, string open, string separator, string close) =>
        type.TypeParameters.Length == 0 ? string.Empty : open + string.Join(separator, type.TypeParameters.Select(p => p.Name)) + close;

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            yield return outer;
        }
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return type.DeclaringSyntaxReferences.Length > 0;
    }
}
