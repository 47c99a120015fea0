namespace TypedMail;

/// <summary>What SMTP_AddHeader does with headers of the same name.</summary>
public enum HeaderOption
{
    /// <summary>4D option 0: add one more header (names may repeat).</summary>
    Add = 0,

    /// <summary>4D option 1: replace every header of that name with this one.</summary>
    ReplaceAll = 1,

    /// <summary>4D option 2: remove every header of that name.</summary>
    RemoveAll = 2,
}
