namespace TypedMail;

/// <summary>What SMTP_Body does to the existing body (the HTML flag, 4D's +4, is a separate argument).</summary>
public enum BodyOption
{
    /// <summary>4D option 0: replace, but an empty text keeps the old body.</summary>
    ReplaceUnlessEmpty = 0,

    /// <summary>4D option 1: replace; an empty text removes the body.</summary>
    Replace = 1,

    /// <summary>4D option 2: append the text to the body.</summary>
    Append = 2,
}
