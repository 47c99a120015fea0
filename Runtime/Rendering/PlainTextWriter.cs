using System.Text;

namespace TypedMail;

/// <summary>
/// Builds readable plain text: words separated by one space, line and paragraph breaks asked for before the next word
/// (so runs of block elements give one blank line, never several), no trailing spaces.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder _text = new();
    private int _pendingBreaks;
    private bool _pendingSpace;
    private string? _pendingGap;

    /// <summary>The length so far, to find later what was written since.</summary>
    public int Length => _text.Length;

    /// <summary>The indentation of new lines (list items).</summary>
    public string Indent { get; set; } = string.Empty;

    /// <summary>True when nothing has been written on the current line.</summary>
    public bool AtLineStart => _text.Length == 0 || _pendingBreaks > 0 || _text[_text.Length - 1] == '\n';

    public string Since(int length) => _text.ToString(length, _text.Length - length);

    /// <summary>Words of flowing text: whitespace collapses to one space.</summary>
    public void Words(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
            }
            else
            {
                Character(c);
            }
        }
    }

    /// <summary>Preformatted text: kept as it is, line breaks included.</summary>
    public void Preformatted(string text)
    {
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (c == '\n')
            {
                _text.Append('\n');
                _pendingSpace = false;
            }
            else
            {
                Character(c == '\t' ? ' ' : c);
            }
        }
    }

    /// <summary>A separator written only if more text follows on the same line (between table cells).</summary>
    public void Gap(string gap) => _pendingGap = gap;

    public void LineBreak() => Break(1);

    public void ParagraphBreak() => Break(2);

    public override string ToString() => _text.ToString().TrimEnd() + "\n";

    private void Break(int lines)
    {
        if (_text.Length > 0 && lines > _pendingBreaks)
        {
            _pendingBreaks = lines;
        }

        _pendingSpace = false;
        _pendingGap = null;
    }

    private void Character(char c)
    {
        if (_pendingBreaks > 0)
        {
            TrimTrailingSpaces();
            var existing = 0;
            for (var i = _text.Length - 1; i >= 0 && _text[i] == '\n'; i--)
            {
                existing++;
            }

            _text.Append('\n', System.Math.Max(0, _pendingBreaks - existing));
            _pendingBreaks = 0;
            _pendingSpace = false;
            _pendingGap = null;
        }

        if (_text.Length == 0 || _text[_text.Length - 1] == '\n')
        {
            _text.Append(Indent);
            _pendingSpace = false;
            _pendingGap = null;
        }
        else if (_pendingGap is not null)
        {
            TrimTrailingSpaces();
            _text.Append(_pendingGap);
        }
        else if (_pendingSpace)
        {
            _text.Append(' ');
        }

        _pendingGap = null;
        _pendingSpace = false;
        _text.Append(c);
    }

    private void TrimTrailingSpaces()
    {
        while (_text.Length > 0 && _text[_text.Length - 1] == ' ')
        {
            _text.Length--;
        }
    }
}
