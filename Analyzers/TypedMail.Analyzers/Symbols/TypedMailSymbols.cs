using Microsoft.CodeAnalysis;

namespace TypedMail.Analyzers.Symbols;

/// <summary>TypedMail's types, resolved once per compilation by metadata name.</summary>
internal sealed class TypedMailSymbols
{
    private TypedMailSymbols(Compilation compilation)
    {
        MailMessage = compilation.GetTypeByMetadataName("TypedMail.MailMessageAttribute");
        SmtpServer = compilation.GetTypeByMetadataName("TypedMail.SmtpServerAttribute");
        To = compilation.GetTypeByMetadataName("TypedMail.ToAttribute");
        Cc = compilation.GetTypeByMetadataName("TypedMail.CcAttribute");
        Bcc = compilation.GetTypeByMetadataName("TypedMail.BccAttribute");
        ReplyTo = compilation.GetTypeByMetadataName("TypedMail.ReplyToAttribute");
        Attachment = compilation.GetTypeByMetadataName("TypedMail.AttachmentAttribute");
        TextBody = compilation.GetTypeByMetadataName("TypedMail.TextBodyAttribute");
        HtmlBody = compilation.GetTypeByMetadataName("TypedMail.HtmlBodyAttribute");
        Header = compilation.GetTypeByMetadataName("TypedMail.HeaderAttribute");
        SmtpSettings = compilation.GetTypeByMetadataName("TypedMail.SmtpSettings");
        SmtpMessage = compilation.GetTypeByMetadataName("TypedMail.SmtpMessage");
        InternetCommands = compilation.GetTypeByMetadataName("TypedMail.InternetCommands");
        SessionMode = compilation.GetTypeByMetadataName("TypedMail.SessionMode");
        String = compilation.GetSpecialType(SpecialType.System_String);
        Byte = compilation.GetSpecialType(SpecialType.System_Byte);
        GenericEnumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        FileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        InternetAddress = compilation.GetTypeByMetadataName("MimeKit.InternetAddress");
    }

    public INamedTypeSymbol? MailMessage { get; }
    public INamedTypeSymbol? SmtpServer { get; }
    public INamedTypeSymbol? To { get; }
    public INamedTypeSymbol? Cc { get; }
    public INamedTypeSymbol? Bcc { get; }
    public INamedTypeSymbol? ReplyTo { get; }
    public INamedTypeSymbol? Attachment { get; }
    public INamedTypeSymbol? TextBody { get; }
    public INamedTypeSymbol? HtmlBody { get; }
    public INamedTypeSymbol? Header { get; }
    public INamedTypeSymbol? SmtpSettings { get; }
    public INamedTypeSymbol? SmtpMessage { get; }
    public INamedTypeSymbol? InternetCommands { get; }
    public INamedTypeSymbol? SessionMode { get; }
    public INamedTypeSymbol String { get; }
    public INamedTypeSymbol Byte { get; }
    public INamedTypeSymbol GenericEnumerable { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? FileInfo { get; }
    public INamedTypeSymbol? InternetAddress { get; }

    /// <summary>The symbols, or <see langword="null"/> when TypedMail is not referenced (nothing to analyze).</summary>
    public static TypedMailSymbols? From(Compilation compilation)
    {
        var symbols = new TypedMailSymbols(compilation);
        return symbols.MailMessage is null && symbols.SmtpServer is null && symbols.SmtpSettings is null
               && symbols.InternetCommands is null && symbols.SmtpMessage is null
            ? null
            : symbols;
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> (null-safe).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
