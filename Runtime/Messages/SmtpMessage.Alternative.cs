namespace TypedMail;

public sealed partial class SmtpMessage
{
    private bool _textAlternative = true;

    /// <summary>
    /// Whether an HTML body without a text body is sent with a plain-text alternative generated from it by
    /// <see cref="HtmlToText"/> (multipart/alternative); on by default, since spam filters mark HTML-only mail down.
    /// A text body set with <see cref="SetBody"/> is always used as it is.
    /// </summary>
    public bool TextAlternative
    {
        get => Live(_textAlternative);
        set
        {
            ThrowIfDisposed();
            _textAlternative = value;
        }
    }
}
