using System.Text;

namespace TypedMail.Generator.Emitting;

/// <summary>A small indenting writer: generated code is written line by line, never reformatted afterwards.</summary>
internal sealed class SourceWriter
{
    // Builders past this size are let go rather than kept for the thread's next file.
    private const int MaxKeptCapacity = 256 * 1024;

    // One builder per thread, reused from file to file: a run writes a file per message class, and a fresh builder
    // allocated its chunks anew for each (about 40 KB per class, half of a cold run's allocations at 1,000 classes).
    // Emission may run on several threads at once, hence per thread; a writer created while another is still open on
    // the same thread finds the slot empty and makes its own builder.
    [System.ThreadStatic]
    private static StringBuilder? reusable;

    private StringBuilder? text;
    private int depth;

    public SourceWriter()
    {
        text = reusable ?? new StringBuilder(16 * 1024);
        reusable = null;
        text.Clear();
    }

    private StringBuilder Text => text ?? throw new System.InvalidOperationException("This writer has already been finished.");

    public SourceWriter Line(string line = "")
    {
        var builder = Text;
        if (line.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(line);
        }

        builder.Append('\n');
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
        var builder = Text;
        if (builder.Length >= 2 && builder[builder.Length - 1] == '\n' && builder[builder.Length - 2] == '\n')
        {
            builder.Length--;
        }

        depth--;
        return Line("}" + suffix);
    }

    /// <summary>The text written, once: the builder goes back to the thread for its next file, and the writer is done.</summary>
    public string Finish()
    {
        var builder = Text;
        var result = builder.ToString();
        text = null;
        if (builder.Capacity <= MaxKeptCapacity)
        {
            reusable = builder;
        }

        return result;
    }
}
