namespace TypedMail.Definitions;

/// <summary>What is wrong with a definition; the analyzers map each kind to its TMxxxx descriptor.</summary>
internal enum ProblemKind
{
    /// <summary>TM0007: a placeholder names no member, or the template is malformed.</summary>
    UnknownPlaceholder,
    /// <summary>TM0008: a builder member is used by no template, recipient, attachment or header.</summary>
    UnusedMember,
    /// <summary>TM0009: no From.</summary>
    MissingFrom,
    /// <summary>TM0010: no recipient member and no constant recipient.</summary>
    MissingRecipient,
    /// <summary>TM0011: the class or a containing type is not partial (reported by the partial-type analyzer).</summary>
    NotPartial,
    /// <summary>TM0015: a <c>File =</c> template is not an AdditionalFiles item.</summary>
    MissingTemplateFile,
    /// <summary>TM0016: a member's type does not fit its role.</summary>
    MemberTypeMismatch,
    /// <summary>TM0017: no subject.</summary>
    MissingSubject,
    /// <summary>TM0018: the class cannot be generated.</summary>
    CannotGenerate,
    /// <summary>TM0019: <c>Culture</c> is not a culture name.</summary>
    UnknownCulture,
    /// <summary>TM0020: a placeholder format does not fit the member's type or is invalid.</summary>
    InvalidFormat,
    /// <summary>TM0021: a template section's member has the wrong type.</summary>
    WrongSectionType,
    /// <summary>TM0022: template syntax.</summary>
    TemplateSyntax,
    /// <summary>TM0023: an unsubscribe link literal that is not https (RFC 8058 one-click).</summary>
    InsecureUnsubscribe,
}
