using System.Collections.Generic;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>Reads a member path (<c>Customer.Name</c>, <c>this</c>, <c>../Name</c>, <c>@index</c>) from a tag's argument.</summary>
internal static class PathReader
{
    /// <summary>The path written in <paramref name="argument"/> (which starts at <paramref name="start"/>), or an error message.</summary>
    public static (TemplatePath? Path, string? Error) Read(string argument, int start)
    {
        var lead = argument.Length - argument.TrimStart().Length;
        var text = argument.Trim();
        var offset = start + lead;
        var span = new SourceSpan(offset, text.Length);
        if (text.Length == 0)
        {
            return (null, "names no member");
        }

        if (text[0] == '@')
        {
            var variable = text.Substring(1);
            return variable is "index" or "first" or "last"
                ? (new TemplatePath(PathRoot.LoopVariable, 0, new PathSegment[0], variable, span), null)
                : (null, $"'{text}' is not a loop variable: the loop variables are @index, @first and @last");
        }

        var i = 0;
        var parents = 0;
        while (string.CompareOrdinal(text, i, "../", 0, 3) == 0)
        {
            parents++;
            i += 3;
        }

        var root = PathRoot.Scope;
        if (string.CompareOrdinal(text, i, "./", 0, 2) == 0)
        {
            root = PathRoot.This;
            i += 2;
        }
        else if (text.Length - i == 4 && string.CompareOrdinal(text, i, "this", 0, 4) == 0)
        {
            return (new TemplatePath(PathRoot.This, parents, new PathSegment[0], null, span), null);
        }
        else if (string.CompareOrdinal(text, i, "this.", 0, 5) == 0)
        {
            root = PathRoot.This;
            i += 5;
        }

        var segments = new List<PathSegment>();
        while (true)
        {
            var nameStart = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var name = text.Substring(nameStart, i - nameStart);
            if (name.Length == 0 || char.IsDigit(name[0]))
            {
                return (null, Invalid(text));
            }

            segments.Add(new PathSegment(name, new SourceSpan(offset + nameStart, name.Length)));
            if (i == text.Length)
            {
                return (new TemplatePath(root, parents, segments, null, span), null);
            }

            if (text[i] != '.')
            {
                return (null, Invalid(text));
            }

            i++;
        }
    }

    private static string Invalid(string text) => text.IndexOf(' ') >= 0
        ? $"'{text}' is not a member path: helpers with arguments are not supported, a path is names joined by '.'"
        : $"'{text}' is not a member path: a path is names joined by '.'";
}
