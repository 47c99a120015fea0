using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>
/// Finds the members of a message class as the generated code can use them: instance properties and fields of the
/// class and of its base classes (a base's private members excluded; static and const members excluded), a member
/// hiding or overriding a base member wins, base members come first.
/// </summary>
internal static class MemberDiscovery
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Formatting the well-known types can be checked against (TM0020), by metadata name.</summary>
    private static readonly HashSet<string> CheckableFormats = new(System.StringComparer.Ordinal)
    {
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64",
        "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.DateTime", "System.DateTimeOffset",
        "System.TimeSpan", "System.Guid",
    };

    public static List<MemberSpec> Read(INamedTypeSymbol type, KnownTypes known, List<Problem> problems, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var levels = new List<List<MemberSpec>>();
        for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = BaseClasses.Of(declaring))
        {
            var inherited = !SymbolEqualityComparer.Default.Equals(declaring, type);
            // A base message class reports its own members' problems; a plain base class's are reported here.
            var reportHere = !inherited || !Attributes.IsMessage(declaring);
            var level = new List<MemberSpec>();
            foreach (var symbol in declaring.GetMembers())
            {
                // Kind first: the analyzers see the generated methods and types too, and asking those for their
                // attributes (IsGenerated) would bind them for nothing.
                if (symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false })
                    || symbol.IsStatic || symbol.IsImplicitlyDeclared || !symbol.CanBeReferencedByName
                    || (inherited && symbol.DeclaredAccessibility == Accessibility.Private)
                    || Attributes.IsGenerated(symbol)
                    || !seen.Add(symbol.Name))
                {
                    continue;
                }

                level.Add(symbol switch
                {
                    IPropertySymbol p => Read(p, p.Type, p.NullableAnnotation, IsWritable(p), p.IsRequired, inherited, reportHere, known, problems),
                    _ => Read(symbol, ((IFieldSymbol)symbol).Type, ((IFieldSymbol)symbol).NullableAnnotation,
                        !((IFieldSymbol)symbol).IsReadOnly && IsVisible(symbol.DeclaredAccessibility), ((IFieldSymbol)symbol).IsRequired, inherited, reportHere, known, problems),
                });
            }

            levels.Insert(0, level);
        }

        var members = levels.SelectMany(l => l).ToList();
        var names = new HashSet<string>(members.Select(m => m.Name), System.StringComparer.Ordinal);
        var reads = new MemberReads(type, cancellationToken);
        for (var i = 0; i < members.Count; i++)
        {
            if (reads.Of(members[i].Name, names) is { Count: > 0 } read)
            {
                members[i] = members[i] with { Reads = EquatableArray.From(read) };
            }
        }

        return members;
    }

    // The builder sets only what other code could set itself: a private or protected member gets no builder method.
    private static bool IsWritable(IPropertySymbol property) =>
        property.SetMethod is { } setter && IsVisible(property.DeclaredAccessibility) && IsVisible(setter.DeclaredAccessibility);

    private static bool IsVisible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    /// <summary>Whether the type can appear in a public signature (every named type in it, and its containers, public).</summary>
    private static bool IsPublic(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsPublic(array.ElementType),
        ITypeParameterSymbol => true,
        INamedTypeSymbol named => IsPublicContainer(named) && named.TypeArguments.All(IsPublic),
        _ => true,
    };

    private static bool IsPublicContainer(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    private static MemberSpec Read(ISymbol symbol, ITypeSymbol type, NullableAnnotation annotation, bool writable, bool required, bool inherited, bool reportHere, KnownTypes known, List<Problem> problems)
    {
        var role = MemberRole.None;
        var hasRole = false;
        AttachmentSpec? attachment = null;
        var address = AddressKind.NotAnAddress;
        var attributes = Attributes.Of(symbol);
        foreach (var attribute in attributes)
        {
            var declared = Attributes.RoleOf(attribute);
            if (declared == MemberRole.None)
            {
                continue;
            }

            hasRole = true;
            bool fits;
            if (declared == MemberRole.Attachment)
            {
                var kind = RoleFit.AttachmentKindOf(type, known);
                fits = kind != AttachmentKind.NotAnAttachment;
                if (fits)
                {
                    attachment = new AttachmentSpec(kind, Attributes.NamedString(attribute, "FileName"), Attributes.NamedString(attribute, "ContentType"), Attributes.NamedString(attribute, "ContentId"));
                }
            }
            else if (declared == MemberRole.Unsubscribe)
            {
                fits = RoleFit.IsUri(type);
            }
            else
            {
                var kind = RoleFit.AddressKindOf(type, known);
                fits = kind != AddressKind.NotAnAddress;
                if (fits)
                {
                    address = kind;
                }
            }

            if (fits)
            {
                role = declared;
            }
            else if (reportHere)
            {
                problems.Add(Problem.Create(ProblemKind.MemberTypeMismatch, ProblemSite.OfMember(symbol.Name),
                    symbol.Name, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), RoleFit.Describe(declared),
                    RoleFit.TypesFor(declared)));
            }
        }

        if (role != MemberRole.Attachment)
        {
            attachment = null;
        }

        if (role is MemberRole.Attachment or MemberRole.None or MemberRole.Unsubscribe)
        {
            address = AddressKind.NotAnAddress;
        }

        var canBeNull = type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var typeName = type.ToDisplayString(TypeFormat);
        if (type.IsReferenceType && annotation == NullableAnnotation.Annotated && !typeName.EndsWith("?", System.StringComparison.Ordinal))
        {
            typeName += "?";
        }

        var nonNullable = type.IsReferenceType && typeName.EndsWith("?", System.StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - 1) : typeName;
        var isPublic = symbol.DeclaredAccessibility == Accessibility.Public && IsPublic(type)
            && (symbol is not IPropertySymbol { SetMethod: { } setter } || setter.DeclaredAccessibility == Accessibility.Public);
        var valueType = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol nullable ? nullable.TypeArguments[0] : type;
        var metadataName = valueType.ContainingNamespace is { } ns ? ns.ToDisplayString() + "." + valueType.MetadataName : valueType.MetadataName;
        return new MemberSpec(symbol.Name, typeName, writable, required, canBeNull, ValueKindOf(valueType, known), role, address, attachment)
        {
            IsPublic = isPublic,
            NonNullableTypeName = nonNullable,
            Inherited = inherited,
            IsObsolete = attributes.Any(a => a.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }),
            HasRoleAttribute = hasRole,
            FormatType = valueType.TypeKind == TypeKind.Enum ? "enum" : CheckableFormats.Contains(metadataName) ? metadataName : null,
            DisplayType = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            PlainStorage = IsPlainStorage(symbol),
        };
    }

    /// <summary>Every declaration of the member is a field or an auto-property without an initializer.</summary>
    private static bool IsPlainStorage(ISymbol symbol)
    {
        if (symbol.IsOverride || symbol.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        return symbol.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() switch
        {
            VariableDeclaratorSyntax field => field.Initializer is null,
            PropertyDeclarationSyntax property => property.Initializer is null && property.ExpressionBody is null
                && property.AccessorList is { } accessors && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null),
            _ => false,
        });
    }

    private static ValueKind ValueKindOf(ITypeSymbol type, KnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return ValueKind.String;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueKind.Enum;
        }

        if (!known.Implements(type, known.Formattable))
        {
            return ValueKind.Other;
        }

        return FormatMethods.HasPublicFormatToString(type) ? ValueKind.Formattable : ValueKind.InterfaceFormattable;
    }
}
