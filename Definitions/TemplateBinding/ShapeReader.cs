using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.TemplateBinding;

/// <summary>
/// Reads the shapes templates bind against: the message class and, breadth first, every type its members reach
/// (member types, sequence elements), so that binding needs no symbol and stays cacheable.
/// </summary>
internal static class ShapeReader
{
    /// <summary>More types than any mail model reaches; beyond it, types are catalogued without members.</summary>
    private const int MaxTypes = 256;

    private static readonly SymbolDisplayFormat IdFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    public static TypeCatalog Read(INamedTypeSymbol message, KnownTypes known)
    {
        var shapes = new List<TypeShape>();
        var seen = new HashSet<string>();
        var ids = new Dictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);
        var queue = new Queue<ITypeSymbol>();
        var rootId = Id(message);
        seen.Add(rootId);
        shapes.Add(new TypeShape(rootId, ShapeKind.Object, EquatableArray.From(Members(message, isMessage: true, Enqueue, CachedId)), null, false, null));
        while (queue.Count > 0)
        {
            shapes.Add(Shape(queue.Dequeue(), shapes.Count < MaxTypes, known, Enqueue, CachedId));
        }

        return new TypeCatalog(rootId, EquatableArray.From(shapes.OrderBy(s => s.Id, System.StringComparer.Ordinal)));

        void Enqueue(ITypeSymbol type)
        {
            if (seen.Add(CachedId(type)))
            {
                queue.Enqueue(type);
            }
        }

        // The same few types (int, string, DateTime...) come back for most members: their names are spelled once.
        string CachedId(ITypeSymbol type)
        {
            if (!ids.TryGetValue(type, out var id))
            {
                ids[type] = id = Id(type);
            }

            return id;
        }
    }

    /// <summary>The id of a type: its C# name with <c>global::</c>, <c>Nullable&lt;T&gt;</c> unwrapped, no annotation.</summary>
    public static string Id(ITypeSymbol type) => Unwrap(type).WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(IdFormat);

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsNullableValue(ITypeSymbol type) => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static TypeShape Shape(ITypeSymbol type, bool withMembers, KnownTypes known, System.Action<ITypeSymbol> enqueue, System.Func<ITypeSymbol, string> id)
    {
        var typeId = id(type);
        var kind = KindOf(type, known, out var element);
        if (kind == ShapeKind.Sequence)
        {
            enqueue(element!);

            // A sequence is still an object with members: {{Lines.Count}}, {{Codes.Length}}.
            var sequenceMembers = withMembers ? Members(type, isMessage: false, enqueue, id) : new List<MemberShape>();
            return new TypeShape(typeId, kind, EquatableArray.From(sequenceMembers), id(element!), element!.IsReferenceType || IsNullableValue(element), CountMember(type));
        }

        var members = kind == ShapeKind.Object && withMembers ? Members(type, isMessage: false, enqueue, id) : new List<MemberShape>();
        return new TypeShape(typeId, kind, EquatableArray.From(members), null, false, null);
    }

    private static List<MemberShape> Members(ITypeSymbol type, bool isMessage, System.Action<ITypeSymbol> enqueue, System.Func<ITypeSymbol, string> id)
    {
        var members = new List<MemberShape>();
        var names = new HashSet<string>();
        foreach (var declaring in Declaring(type))
        {
            var inherited = !SymbolEqualityComparer.Default.Equals(declaring, type);
            foreach (var symbol in declaring.GetMembers())
            {
                if (symbol.IsStatic || symbol.IsImplicitlyDeclared || !symbol.CanBeReferencedByName
                    || !Readable(symbol, isMessage && !inherited, isMessage))
                {
                    continue;
                }

                var memberType = symbol switch
                {
                    IPropertySymbol { IsIndexer: false } p => p.Type,
                    IFieldSymbol { IsConst: false } f => f.Type,
                    _ => null,
                };
                if (memberType is null || memberType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || !names.Add(symbol.Name)
                    || (inherited && type.TypeKind == TypeKind.Interface && Ambiguous(type, symbol.Name)))
                {
                    continue;
                }

                enqueue(Unwrap(memberType));
                members.Add(new MemberShape(symbol.Name, id(memberType), memberType.IsReferenceType || IsNullableValue(memberType), IsNullableValue(memberType)));
            }
        }

        return members;
    }

    // A class's members are its own and its base classes'; an interface's are its own and every interface it inherits
    // (ICustomer : INamed has Name), which C# reads through the interface as well.
    private static IEnumerable<ITypeSymbol> Declaring(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            return new[] { type }.Concat(type.AllInterfaces);
        }

        var chain = new List<ITypeSymbol>();
        for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = BaseClasses.Of(declaring))
        {
            chain.Add(declaring);
        }

        return chain;
    }

    // Two inherited interfaces declaring the same name make `x.Name` ambiguous in C# (CS0229): such a path stays TM0007.
    private static bool Ambiguous(ITypeSymbol type, string name) =>
        type.GetMembers(name).IsEmpty && type.AllInterfaces.Count(i => !i.GetMembers(name).IsEmpty) > 1;

    // Generated code lives inside the message class: it reads the class's own private members, its bases'
    // non-private ones, and other types' public or internal ones.
    private static bool Readable(ISymbol symbol, bool ownMember, bool messageMember)
    {
        if (symbol is IPropertySymbol { GetMethod: null })
        {
            return false;
        }

        var accessibility = symbol is IPropertySymbol { GetMethod: { } getter } ? getter.DeclaredAccessibility : symbol.DeclaredAccessibility;
        return ownMember
            || accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
            || (messageMember && accessibility is Accessibility.Protected or Accessibility.ProtectedAndInternal);
    }

    private static ShapeKind KindOf(ITypeSymbol type, KnownTypes known, out ITypeSymbol? element)
    {
        element = null;
        type = Unwrap(type);
        if (type.SpecialType == SpecialType.System_String)
        {
            return ShapeKind.Text;
        }

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return ShapeKind.Boolean;
        }

        if (type is INamedTypeSymbol { Name: "HtmlString", ContainingNamespace: { Name: "TypedMail", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return ShapeKind.Html;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ShapeKind.Enum;
        }

        if ((element = known.ElementType(type)) is not null)
        {
            return ShapeKind.Sequence;
        }

        if (!IsFormattable(type))
        {
            return ShapeKind.Object;
        }

        return FormatMethods.HasPublicFormatToString(type) ? ShapeKind.Formattable : ShapeKind.InterfaceFormattable;
    }

    // By name, never by display string: numbers implement some thirty generic-math interfaces, and spelling each one's
    // name for every member of every message was most of the reader's time.
    // A member typed System.IFormattable itself is formattable too: AllInterfaces lists only the interfaces a type inherits.
    private static bool IsFormattable(ITypeSymbol type) => IsIFormattable(type) || type.AllInterfaces.Any(IsIFormattable);

    private static bool IsIFormattable(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "IFormattable", Arity: 0, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static string? CountMember(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return "Length";
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetMembers("Count").OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.Type.SpecialType == SpecialType.System_Int32 && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null))
            {
                return "Count";
            }
        }

        return type.TypeKind == TypeKind.Interface
            && type.AllInterfaces.Concat(new[] { (INamedTypeSymbol)type }).Any(i => i.OriginalDefinition.SpecialType
                is SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_ICollection_T)
            ? "Count"
            : null;
    }
}
