using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Definitions;

/// <summary>The types a member is judged against, looked up once per compilation.</summary>
internal sealed class KnownTypes
{
    // One lookup per compilation, not per class: a generator run or an analysis reads every class of one compilation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new();

    private KnownTypes(Compilation compilation)
    {
        Formattable = TypeLookup.Best(compilation, "System.IFormattable");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        InternetAddress = TypeLookup.Best(compilation, "MimeKit.InternetAddress");
        Stream = TypeLookup.Best(compilation, "System.IO.Stream");
        FileInfo = TypeLookup.Best(compilation, "System.IO.FileInfo");
        SetsRequiredMembers = TypeLookup.Best(compilation, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
    }

    public static KnownTypes For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownTypes(c));

    public INamedTypeSymbol? Formattable { get; }

    public INamedTypeSymbol Enumerable { get; }

    public INamedTypeSymbol? InternetAddress { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? FileInfo { get; }

    public INamedTypeSymbol? SetsRequiredMembers { get; }

    /// <summary>Whether the type is <paramref name="expected"/> or derives from it (compared by name when the lookup failed).</summary>
    public static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? expected)
    {
        for (var t = type; t is not null && expected is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, expected))
            {
                return true;
            }
        }

        return false;
    }

    public bool Implements(ITypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null
        && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected)
            || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, expected)));

    /// <summary>The element type of an <c>IEnumerable&lt;T&gt;</c> the type is or implements (a string excluded), or <see langword="null"/>.</summary>
    public ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Enumerable))
        {
            return named.TypeArguments[0];
        }

        return type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, Enumerable))?.TypeArguments[0];
    }
}
