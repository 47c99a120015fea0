using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Parsing;

/// <summary>The types a member is judged against, looked up once per parse.</summary>
internal sealed class KnownTypes
{
    public KnownTypes(Compilation compilation)
    {
        Formattable = compilation.GetTypeByMetadataName("System.IFormattable");
        Enumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        MailboxAddress = compilation.GetTypeByMetadataName("MimeKit.MailboxAddress");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        FileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        SetsRequiredMembers = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
    }

    public INamedTypeSymbol? Formattable { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? MailboxAddress { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? FileInfo { get; }

    public INamedTypeSymbol? SetsRequiredMembers { get; }

    public bool Is(ITypeSymbol type, INamedTypeSymbol? expected)
    {
        for (var t = type; t is not null; t = t.BaseType)
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

    /// <summary>Whether the type is, or implements, <c>IEnumerable&lt;string&gt;</c> (a string itself excluded).</summary>
    public bool IsStringSequence(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String || Enumerable is null)
        {
            return false;
        }

        var candidates = type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Enumerable)
            ? new[] { named }
            : type.AllInterfaces.Where(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, Enumerable)).ToArray();
        return candidates.Any(i => i.TypeArguments[0].SpecialType == SpecialType.System_String);
    }
}
