namespace TypedMail;

/// <summary>What SMTP_Attachment does to the existing attachments.</summary>
public enum AttachmentOption
{
    /// <summary>4D option 0: add this attachment.</summary>
    Add = 0,

    /// <summary>4D option 1: replace every attachment with this one (an empty path removes them all).</summary>
    ReplaceAll = 1,

    /// <summary>4D option 2: remove this attachment (matched by path, or by file name for in-memory attachments).</summary>
    Remove = 2,
}
