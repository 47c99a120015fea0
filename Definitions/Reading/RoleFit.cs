using Microsoft.CodeAnalysis;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>Which member types fit which role (docs/diagnostics/TM0016.md): one rule for generator and analyzers.</summary>
internal static class RoleFit
{
    public const string RecipientTypes = "string, IEnumerable<string>, a MimeKit InternetAddress (MailboxAddress) or a sequence of them";

    public const string AttachmentTypes = "byte[], Stream, FileInfo or a file path (string)";

    public const string UnsubscribeTypes = "System.Uri (an https link)";

    /// <summary>The types a role takes, for TM0016's message.</summary>
    public static string TypesFor(MemberRole role) => role switch
    {
        MemberRole.Attachment => AttachmentTypes,
        MemberRole.Unsubscribe => UnsubscribeTypes,
        _ => RecipientTypes,
    };

    /// <summary>Whether a member's type can hold the one-click unsubscribe link.</summary>
    public static bool IsUri(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>How a recipient member holds its addresses; <see cref="AddressKind.NotAnAddress"/> when its type does not fit.</summary>
    public static AddressKind AddressKindOf(ITypeSymbol type, KnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return AddressKind.List;
        }

        if (KnownTypes.DerivesFrom(type, known.InternetAddress))
        {
            return AddressKind.Address;
        }

        var element = known.ElementType(type);
        return element switch
        {
            { SpecialType: SpecialType.System_String } => AddressKind.Lists,
            not null when KnownTypes.DerivesFrom(element, known.InternetAddress) => AddressKind.Addresses,
            _ => AddressKind.NotAnAddress,
        };
    }

    /// <summary>How an attachment member holds its content; <see cref="AttachmentKind.NotAnAttachment"/> when its type does not fit.</summary>
    public static AttachmentKind AttachmentKindOf(ITypeSymbol type, KnownTypes known) => type switch
    {
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } => AttachmentKind.Bytes,
        { SpecialType: SpecialType.System_String } => AttachmentKind.Path,
        _ when KnownTypes.DerivesFrom(type, known.Stream) => AttachmentKind.Stream,
        _ when KnownTypes.DerivesFrom(type, known.FileInfo) => AttachmentKind.FileInfo,
        _ => AttachmentKind.NotAnAttachment,
    };

    /// <summary>How messages name a role: "a To recipient", "an attachment"...</summary>
    public static string Describe(MemberRole role) => role switch
    {
        MemberRole.To => "a To recipient",
        MemberRole.Cc => "a Cc recipient",
        MemberRole.Bcc => "a Bcc recipient",
        MemberRole.ReplyTo => "a ReplyTo address",
        MemberRole.Attachment => "an attachment",
        MemberRole.Unsubscribe => "an unsubscribe link",
        _ => "a value",
    };
}
