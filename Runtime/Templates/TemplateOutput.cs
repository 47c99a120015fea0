using System;
using System.Collections;
using System.ComponentModel;
using System.Text;
#if NET
using System.Buffers;
#endif

namespace TypedMail;

/// <summary>
/// What the rendering code generated from templates calls to write a value into an HTML body. Not meant for
/// hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateOutput
{
#if NET
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'`=");
#endif

    /// <summary>
    /// Appends <paramref name="value"/> HTML-encoded as Handlebars encodes it: <c>&amp; &lt; &gt; " ' ` =</c> become
    /// entities, everything else (non-ASCII included) is written as it is. <see langword="null"/> writes nothing.
    /// </summary>
    /// <param name="output">Where the text goes.</param>
    /// <param name="value">The value's text.</param>
    public static void AppendHtml(StringBuilder output, string? value)
    {
        if (value is null)
        {
            return;
        }

#if NET
        var rest = value.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(Special)) >= 0)
        {
            output.Append(rest.Slice(0, next)).Append(Entity(rest[next]));
            rest = rest.Slice(next + 1);
        }

        output.Append(rest);
#else
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var entity = Entity(value[i]);
            if (entity is not null)
            {
                output.Append(value, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        output.Append(value, start, value.Length - start);
#endif
    }

    /// <summary>Appends <paramref name="value"/>'s HTML as it is; <see langword="null"/> writes nothing.</summary>
    /// <param name="output">Where the text goes.</param>
    /// <param name="value">Trusted HTML.</param>
    public static void AppendRaw(StringBuilder output, HtmlString? value)
    {
        if (value is not null)
        {
            output.Append(value.Value);
        }
    }

    /// <summary>Whether a sequence has an element (<c>#if</c> on a sequence); <see langword="null"/> has none.</summary>
    /// <param name="items">The sequence.</param>
    public static bool HasItems(IEnumerable? items)
    {
        switch (items)
        {
            case null:
                return false;
            case ICollection collection:
                return collection.Count > 0;
        }

        var enumerator = items.GetEnumerator();
        try
        {
            return enumerator.MoveNext();
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }

    private static string? Entity(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#x27;",
        '`' => "&#x60;",
        '=' => "&#x3D;",
        _ => null,
    };
}
