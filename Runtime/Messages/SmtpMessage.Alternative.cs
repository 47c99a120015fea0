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

    /// <summary>The text part's content: the text body, else the alternative generated from the HTML body (null when none).</summary>
    private string? PlainText()
    {
        if (_textBody is not null || _htmlBody is null || !_textAlternative)
        {
            return _textBody;
        }

        var generated = HtmlToText.Convert(_htmlBody);
        return generated.Length == 0 ? null : generated;
    }
}
