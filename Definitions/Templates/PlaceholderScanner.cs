using System.Collections.Generic;

namespace TypedMail.Definitions.Templates;

/// <summary>What a piece of a template is.</summary>
internal enum TemplateSegmentKind
{
    /// <summary>Text written as it is.</summary>
    Literal,
    /// <summary>A <c>{{Name}}</c> or <c>{{Name:format}}</c> placeholder.</summary>
    Placeholder,
}

/// <summary>One piece of a template.</summary>
/// <param name="Kind">Literal text or a placeholder.</param>
/// <param name="Text">The literal text, or the member name of a placeholder.</param>
/// <param name="Format">The format of a placeholder (after ':'), or <see langword="null"/>.</param>
/// <param name="Start">Where the piece starts in the template text (for a placeholder: the first '{').</param>
/// <param name="Length">How many characters of the template text the piece covers.</param>
internal sealed record TemplateSegment(TemplateSegmentKind Kind, string Text, string? Format, int Start, int Length)
{
    /// <summary>Where the member name of a placeholder starts in the template text.</summary>
    public int NameStart { get; init; }
}

/// <summary>A syntax error in a template.</summary>
/// <param name="Message">What is wrong.</param>
/// <param name="Start">Where in the template text.</param>
/// <param name="Length">How many characters.</param>
internal sealed record TemplateError(string Message, int Start, int Length);

/// <summary>
/// Reads <c>{{Name}}</c> and <c>{{Name:format}}</c> placeholders: the seam between a template's text and the rest of
/// the reader (a list of literal and placeholder segments with their spans, and the syntax errors). The generator and
/// the analyzers read templates through this one scanner, so what the analyzers report is what the generator renders.
/// </summary>
internal static class PlaceholderScanner
{
    /// <summary>Splits a template into literal and placeholder segments, and lists its syntax errors.</summary>
    public static (IReadOnlyList<TemplateSegment> Segments, IReadOnlyList<TemplateError> Errors) Scan(string text)
    {
        var segments = new List<TemplateSegment>();
        var errors = new List<TemplateError>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, System.StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf("}}", open + 2, System.StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add(new TemplateError("'{{' has no closing '}}'", open, text.Length - open));
                break;
            }

            if (open > literalStart)
            {
                segments.Add(new TemplateSegment(TemplateSegmentKind.Literal, text.Substring(literalStart, open - literalStart), null, literalStart, open - literalStart));
            }

            var inner = text.Substring(open + 2, close - open - 2);
            var colon = inner.IndexOf(':');
            var rawName = colon < 0 ? inner : inner.Substring(0, colon);
            var name = rawName.Trim();
            var nameStart = open + 2 + (rawName.Length - rawName.TrimStart().Length);
            var format = colon < 0 ? null : inner.Substring(colon + 1);
            if (!IsIdentifier(name))
            {
                errors.Add(new TemplateError($"'{{{{{inner}}}}}' does not name a member", open, close + 2 - open));
            }
            else if (format is { Length: 0 })
            {
                errors.Add(new TemplateError($"'{{{{{inner}}}}}' has an empty format after ':'", open, close + 2 - open));
            }
            else
            {
                segments.Add(new TemplateSegment(TemplateSegmentKind.Placeholder, name, format, open, close + 2 - open) { NameStart = nameStart });
            }

            i = close + 2;
            literalStart = i;
        }

        if (literalStart < text.Length)
        {
            segments.Add(new TemplateSegment(TemplateSegmentKind.Literal, text.Substring(literalStart), null, literalStart, text.Length - literalStart));
        }

        return (segments, errors);
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
