namespace TypedMail;

/// <summary>What happened to one message, whatever the code says about why: what a mail merge decides a resend from.</summary>
public enum SendOutcome
{
    /// <summary>The server refused it, or it failed before the end of its data was written: it was not delivered; sending it again cannot duplicate it.</summary>
    NotDelivered = 0,

    /// <summary>Every recipient accepted it (code 0).</summary>
    Delivered = 1,

    /// <summary>Some recipients refused it, the others accepted it (code 12014): resend only to the refused ones.</summary>
    PartiallyDelivered = 2,

    /// <summary>The connection was lost after the end of its data was written, before the reply (code 12013): it may have been delivered once.</summary>
    Unknown = 3,

    /// <summary>Nothing of it went on the wire: the merge stopped or was cancelled before it (code 12020 or 10000).</summary>
    NotAttempted = 4,
}
