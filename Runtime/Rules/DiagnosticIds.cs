namespace TypedMail;

/// <summary>
/// The identifiers of TypedMail's diagnostics. The analyzers report them at compile time; the runtime's
/// <see cref="SmtpRules"/> returns the same identifiers at run time.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>STARTTLS mode without authentication.</summary>
    public const string StartTlsWithoutAuthentication = "TM0001";
    /// <summary>STARTTLS mode on port 25.</summary>
    public const string StartTlsOnPort25 = "TM0002";
    /// <summary>Port and session mode disagree.</summary>
    public const string PortModeMismatch = "TM0003";
    /// <summary>Credentials sent with <see cref="SessionMode.NeverTls"/>.</summary>
    public const string CredentialsInClearText = "TM0004";
    /// <summary>Credentials with <see cref="SessionMode.Upgradable"/>: open to STARTTLS stripping.</summary>
    public const string CredentialsWithUpgradable = "TM0005";
    /// <summary>An address literal is not a valid RFC 5322 address.</summary>
    public const string InvalidAddress = "TM0006";
    /// <summary>A template placeholder names no member of the message class.</summary>
    public const string UnknownPlaceholder = "TM0007";
    /// <summary>A member is used by no template, recipient or header.</summary>
    public const string UnusedMember = "TM0008";
    /// <summary>No From anywhere.</summary>
    public const string MissingFrom = "TM0009";
    /// <summary>No recipient.</summary>
    public const string MissingRecipient = "TM0010";
    /// <summary>The class, or a containing class, is not partial.</summary>
    public const string NotPartial = "TM0011";
    /// <summary>A password or secret written as a literal.</summary>
    public const string SecretLiteral = "TM0012";
    /// <summary>Port outside 1..65535 or timeout outside 1..127 s.</summary>
    public const string OutOfRange = "TM0013";
    /// <summary>CR or LF in a header literal.</summary>
    public const string LineBreakInHeader = "TM0014";
    /// <summary>A template file is missing from AdditionalFiles.</summary>
    public const string MissingTemplateFile = "TM0015";
    /// <summary>A member's type does not fit its role.</summary>
    public const string MemberTypeMismatch = "TM0016";
    /// <summary>No subject.</summary>
    public const string MissingSubject = "TM0017";
    /// <summary>The class cannot be generated; the message names the reason.</summary>
    public const string CannotGenerate = "TM0018";
    /// <summary><c>Culture</c> is not a culture name.</summary>
    public const string UnknownCulture = "TM0019";
    /// <summary>A placeholder format does not fit the member's type, or is not a valid format.</summary>
    public const string InvalidFormat = "TM0020";
    /// <summary>A template section's member has the wrong type.</summary>
    public const string WrongSectionType = "TM0021";
    /// <summary>Template syntax: an unclosed or mismatched section, a stray else, a layout's body, an empty placeholder.</summary>
    public const string TemplateSyntax = "TM0022";
    /// <summary>An unsubscribe link that is not https (RFC 8058 one-click).</summary>
    public const string InsecureUnsubscribe = "TM0023";
    /// <summary>An appsettings file given to the analyzers is not valid JSON.</summary>
    public const string InvalidSettingsFile = "TM0024";
    /// <summary>Internal error: the generator failed on a class.</summary>
    public const string InternalError = "TM0099";
}
