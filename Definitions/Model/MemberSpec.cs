namespace TypedMail.Definitions.Model;

/// <summary>What a member contributes to the message.</summary>
internal enum MemberRole
{
    /// <summary>A value for templates only.</summary>
    None,
    To,
    Cc,
    Bcc,
    ReplyTo,
    Attachment,
    /// <summary>The per-recipient one-click unsubscribe link (<c>[Unsubscribe]</c> on a <c>System.Uri</c>).</summary>
    Unsubscribe,
}

/// <summary>How a member's value is written into a template.</summary>
internal enum ValueKind
{
    /// <summary>A string, written as it is.</summary>
    String,
    /// <summary>A type with a public <c>ToString(string, IFormatProvider)</c>.</summary>
    Formattable,
    /// <summary>A type that implements <see cref="System.IFormattable"/> explicitly only.</summary>
    InterfaceFormattable,
    /// <summary>An enum: <c>ToString(format)</c>, culture-free.</summary>
    Enum,
    /// <summary>Anything else: <c>ToString()</c>, no format.</summary>
    Other,
}

/// <summary>How a recipient member holds its addresses.</summary>
internal enum AddressKind
{
    NotAnAddress,
    /// <summary>A string holding an address list.</summary>
    List,
    /// <summary>An <c>IEnumerable&lt;string&gt;</c>, each item an address list.</summary>
    Lists,
    /// <summary>A MimeKit <c>InternetAddress</c> (a <c>MailboxAddress</c>, a <c>GroupAddress</c>).</summary>
    Address,
    /// <summary>A sequence of MimeKit <c>InternetAddress</c>es.</summary>
    Addresses,
}

/// <summary>How an attachment member holds its content.</summary>
internal enum AttachmentKind
{
    NotAnAttachment,
    Bytes,
    Stream,
    FileInfo,
    Path,
}

/// <summary>An <c>[Attachment]</c>'s constants.</summary>
internal sealed record AttachmentSpec(AttachmentKind Kind, string? FileName, string? ContentType, string? ContentId);

/// <summary>A property or field of a message class.</summary>
/// <param name="Name">The member name.</param>
/// <param name="TypeName">The type as C# with <c>global::</c> and nullable annotations.</param>
/// <param name="Writable">Whether the builder can set it (a setter, an init accessor or a writable field).</param>
/// <param name="IsRequired">Declared <c>required</c>.</param>
/// <param name="CanBeNull">A reference type or <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Value">How the value is written into templates.</param>
/// <param name="Role">Recipient, attachment or plain value (<see cref="MemberRole.None"/> when the type does not fit the role).</param>
/// <param name="Address">How a recipient member holds its addresses.</param>
/// <param name="Attachment">The attachment's constants, for <see cref="MemberRole.Attachment"/>.</param>
internal sealed record MemberSpec(
    string Name,
    string TypeName,
    bool Writable,
    bool IsRequired,
    bool CanBeNull,
    ValueKind Value,
    MemberRole Role,
    AddressKind Address,
    AttachmentSpec? Attachment)
{
    /// <summary>Whether the member, its setter and its type are public: else the builder is internal.</summary>
    public bool IsPublic { get; init; }

    /// <summary>The type without its nullable annotation (a builder step that must be given a value takes this).</summary>
    public string NonNullableTypeName { get; init; } = TypeName;

    /// <summary>Declared in a base class rather than in the class itself.</summary>
    public bool Inherited { get; init; }

    /// <summary>Marked <c>[Obsolete]</c>: generated uses of it are wrapped in <c>#pragma warning disable</c>.</summary>
    public bool IsObsolete { get; init; }

    /// <summary>Carries a role attribute (<c>[To]</c>…, <c>[Attachment]</c>), whether or not its type fits.</summary>
    public bool HasRoleAttribute { get; init; }

    /// <summary>The well-known type a format is checked against (e.g. <c>System.DateTime</c>), or <see langword="null"/>.</summary>
    public string? FormatType { get; init; }

    /// <summary>The type as the user writes it, for messages (e.g. <c>string</c>, <c>DateTime</c>).</summary>
    public string DisplayType { get; init; } = TypeName;

    /// <summary>
    /// A field or an auto-property of the class's own source with no initializer (and not an override): storing
    /// <c>default</c> in it leaves the message as it was, so the builder may set it whether or not it was given.
    /// </summary>
    public bool PlainStorage { get; init; }

    /// <summary>The other members this one reads (a computed property's getter, through methods too), sorted.</summary>
    public EquatableArray<string> Reads { get; init; }
}
