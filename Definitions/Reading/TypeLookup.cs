using Microsoft.CodeAnalysis;

namespace TypedMail.Definitions;

/// <summary>
/// Finds a type by metadata name even when several references define it (a polyfilled
/// <c>SetsRequiredMembersAttribute</c>): the compilation's own first, else the one it can see, else any.
/// <c>Compilation.GetTypeByMetadataName</c> answers <see langword="null"/> then, which made classes vanish.
/// </summary>
internal static class TypeLookup
{
    public static INamedTypeSymbol? Best(Compilation compilation, string metadataName)
    {
        var candidates = compilation.GetTypesByMetadataName(metadataName);
        INamedTypeSymbol? visible = null;
        INamedTypeSymbol? any = null;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            any ??= candidate;
            if (visible is null && IsVisibleFrom(candidate, compilation.Assembly))
            {
                visible = candidate;
            }
        }

        return visible ?? any;
    }

    private static bool IsVisibleFrom(INamedTypeSymbol type, IAssemblySymbol assembly) =>
        type.DeclaredAccessibility == Accessibility.Public
        || (type.DeclaredAccessibility == Accessibility.Internal && type.ContainingAssembly.GivesAccessTo(assembly));
}
