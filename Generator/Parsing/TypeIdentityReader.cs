using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedMail.Generator.Model;

namespace TypedMail.Generator.Parsing;

/// <summary>Reads where an annotated class lives, and whether a partial declaration can be added to it.</summary>
internal static class TypeIdentityReader
{
    /// <summary>The identity, or <see langword="null"/> when the class (or one that contains it) is not partial or is generic.</summary>
    public static TypeIdentity? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.IsGenericType || type.IsFileLocal || !IsPartial(type, cancellationToken))
        {
            return null;
        }

        var containing = new List<ContainingType>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || outer.IsFileLocal || !IsPartial(outer, cancellationToken))
            {
                return null;
            }

            containing.Insert(0, new ContainingType(Keyword(outer), outer.Name));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        var nested = string.Join("+", containing.Select(c => c.Name).Concat(new[] { type.Name }));
        var hintStem = ns.Length == 0 ? nested : ns + "." + nested;
        return new TypeIdentity(
            ns,
            EquatableArray.From(containing),
            Keyword(type),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            hintStem);
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
