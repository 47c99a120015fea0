using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedMail.Generator.Model;

namespace TypedMail.Generator.Parsing;

/// <summary>Reads the properties and fields of a message class into <see cref="MemberSpec"/>s.</summary>
internal static class MemberReader
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The members, base types first; <see langword="null"/> when a role does not fit a member's type.</summary>
    public static List<MemberSpec>? Read(INamedTypeSymbol type, KnownTypes known)
    {
        // Walk from the class to its bases so that a member hiding or overriding a base member wins; emit bases first.
        var seen = new HashSet<string>();
        var levels = new List<List<MemberSpec>>();
        for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = declaring.BaseType)
        {
            var inherited = !SymbolEqualityComparer.Default.Equals(declaring, type);
            var level = new List<MemberSpec>();
            foreach (var symbol in declaring.GetMembers())
            {
                if (symbol.IsStatic || symbol.IsImplicitlyDeclared || !symbol.CanBeReferencedByName
                    || (inherited && symbol.DeclaredAccessibility == Accessibility.Private)
                    || symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false })
                    || !seen.Add(symbol.Name))
                {
                    continue;
                }

                var member = symbol switch
                {
                    IPropertySymbol p => Read(p.Name, p.Type, p.NullableAnnotation, IsWritable(p), p.IsRequired, p, known),
                    IFieldSymbol f => Read(f.Name, f.Type, f.NullableAnnotation, !f.IsReadOnly && IsVisible(f.DeclaredAccessibility), f.IsRequired, f, known),
                    _ => null,
                };
                if (member is null)
                {
                    return null;
                }

                level.Add(member);
            }

            levels.Insert(0, level);
        }

        return levels.SelectMany(l => l).ToList();
    }

    // The builder sets only what other code could set itself: a private or protected member gets no builder method.
    private static bool IsWritable(IPropertySymbol property) =>
        property.SetMethod is { } setter && IsVisible(property.DeclaredAccessibility) && IsVisible(setter.DeclaredAccessibility);

    private static bool IsVisible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    /// <summary>Whether the type can appear in a public signature (every named type in it, and its containers, public).</summary>
    internal static bool IsPublic(ITypeSymbol type) => type switch
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

    private static MemberSpec? Read(string name, ITypeSymbol type, NullableAnnotation annotation, bool writable, bool required, ISymbol symbol, KnownTypes known)
    {
        var role = MemberRole.None;
        AttachmentSpec? attachment = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeName = attribute.AttributeClass is { ContainingNamespace: { Name: "TypedMail", ContainingNamespace.IsGlobalNamespace: true } } c ? c.Name : null;
            switch (attributeName)
            {
                case "ToAttribute": role = MemberRole.To; break;
                case "CcAttribute": role = MemberRole.Cc; break;
                case "BccAttribute": role = MemberRole.Bcc; break;
                case "ReplyToAttribute": role = MemberRole.ReplyTo; break;
                case "AttachmentAttribute":
                    role = MemberRole.Attachment;
                    var kind = AttachmentKindOf(type, known);
                    if (kind == AttachmentKind.NotAnAttachment)
                    {
                        return null;
                    }

                    attachment = new AttachmentSpec(kind, Named(attribute, "FileName"), Named(attribute, "ContentType"), Named(attribute, "ContentId"));
                    break;
            }
        }

        var address = AddressKind.NotAnAddress;
        if (role is MemberRole.To or MemberRole.Cc or MemberRole.Bcc or MemberRole.ReplyTo)
        {
            address = AddressKindOf(type, known);
            if (address == AddressKind.NotAnAddress)
            {
                return null;
            }
        }

        var canBeNull = type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var typeName = type.ToDisplayString(TypeFormat);
        if (type.IsReferenceType && annotation == NullableAnnotation.Annotated && !typeName.EndsWith("?", System.StringComparison.Ordinal))
        {
            typeName += "?";
        }

        var isPublic = symbol.DeclaredAccessibility == Accessibility.Public && IsPublic(type)
            && (symbol is not IPropertySymbol { SetMethod: { } setter } || setter.DeclaredAccessibility == Accessibility.Public);
        return new MemberSpec(name, typeName, writable, required, canBeNull, ValueKindOf(type, known), role, address, attachment) { IsPublic = isPublic };
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static AttachmentKind AttachmentKindOf(ITypeSymbol type, KnownTypes known) => type switch
    {
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } => AttachmentKind.Bytes,
        { SpecialType: SpecialType.System_String } => AttachmentKind.Path,
        _ when known.Is(type, known.Stream) => AttachmentKind.Stream,
        _ when known.Is(type, known.FileInfo) => AttachmentKind.FileInfo,
        _ => AttachmentKind.NotAnAttachment,
    };

    private static AddressKind AddressKindOf(ITypeSymbol type, KnownTypes known) => type switch
    {
        { SpecialType: SpecialType.System_String } => AddressKind.List,
        _ when known.MailboxAddress is not null && known.Is(type, known.MailboxAddress) => AddressKind.Mailbox,
        _ when known.IsStringSequence(type) => AddressKind.Lists,
        _ => AddressKind.NotAnAddress,
    };

    private static ValueKind ValueKindOf(ITypeSymbol type, KnownTypes known)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol nullable)
        {
            type = nullable.TypeArguments[0];
        }

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

        for (var t = type; t is not null; t = t.BaseType)
        {
            var hasPublicToString = t.GetMembers("ToString").OfType<IMethodSymbol>().Any(m =>
                m.DeclaredAccessibility == Accessibility.Public
                && !m.IsStatic
                && m.Parameters.Length == 2
                && m.Parameters[0].Type.SpecialType == SpecialType.System_String
                && m.Parameters[1].Type.Name == "IFormatProvider"
                && !m.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute"));
            if (hasPublicToString)
            {
                return ValueKind.Formattable;
            }
        }

        return ValueKind.InterfaceFormattable;
    }
}
