namespace TypedMail;

/// <summary>What a text header command does (4D's option of SMTP_Subject, SMTP_Comments, SMTP_Keywords, SMTP_References, SMTP_InReplyTo, SMTP_Encrypted).</summary>
public enum TextOption
{
    /// <summary>4D option 0: replace, but an empty text keeps the old value.</summary>
    ReplaceUnlessEmpty = 0,

    /// <summary>4D option 1: replace; an empty text removes the header.</summary>
    Replace = 1,

    /// <summary>4D option 2: remove the header.</summary>
    Remove = 2,
}
