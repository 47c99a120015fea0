using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedMail.Definitions;

/// <summary>Walks a message class's base classes without binding a base list the class does not have.</summary>
internal static class BaseClasses
{
    /// <summary>
    /// The base class of <paramref name="type"/>, or <see langword="null"/> when it is <c>System.Object</c> or there is none.
    /// A class none of whose declarations has a base list derives from <c>System.Object</c>: that is read from the syntax,
    /// because asking Roslyn for <c>BaseType</c> binds the declarations' bases on every edit, for every message class.
    /// </summary>
    public static INamedTypeSymbol? Of(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Class && HasNoBaseList(type))
        {
            return null;
        }

        return type.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? baseType : null;
    }

    private static bool HasNoBaseList(ITypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return false;   // from metadata: its base is already read
        }

        foreach (var reference in references)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax { BaseList: null })
            {
                return false;
            }
        }

        return true;
    }
}
