using System.Text;

namespace TypedMail.Generator.Emitting;

/// <summary>A small indenting writer: generated code is written line by line, never reformatted afterwards.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', depth * 4).Append(line);
        }

        text.Append('\n');
        return this;
    }

    /// <summary>Writes the line and an opening brace, and indents.</summary>
    public SourceWriter Open(string line)
    {
        Line(line).Line("{");
        depth++;
        return this;
    }

    /// <summary>Closes the innermost brace (with an optional suffix such as ';').</summary>
    public SourceWriter Close(string suffix = "")
    {
        // No blank line before a closing brace.
        if (text.Length >= 2 && text[text.Length - 1] == '\n' && text[text.Length - 2] == '\n')
        {
            text.Length--;
        }

        depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => text.ToString();
}
