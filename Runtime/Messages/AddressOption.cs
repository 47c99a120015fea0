namespace TypedMail;

/// <summary>What an address command does to the existing list (4D's option of SMTP_From, SMTP_To, SMTP_Cc, SMTP_Bcc, SMTP_ReplyTo, SMTP_Sender).</summary>
public enum AddressOption
{
    /// <summary>4D option 0: add the addresses to the list.</summary>
    Append = 0,

    /// <summary>4D option 1: replace the list (an empty text removes it).</summary>
    Replace = 1,

    /// <summary>4D option 2: remove the list; for Reply-To, remove only the addresses given.</summary>
    Remove = 2,
}
