using System;
using System.Collections.Generic;
using System.Text;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>Cuts template text into text and tag tokens; <c>\{{</c> writes a literal <c>{{</c>, <c>\\{{</c> a backslash before a tag.</summary>
internal static class TemplateLexer
{
    public static List<TemplateToken> Read(string text, List<TemplateSyntaxError> errors)
    {
        var tokens = new List<TemplateToken>();
        var pending = new StringBuilder();
        var textStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                pending.Append(text, i, text.Length - i);
                i = text.Length;
                break;
            }

            var backslashes = 0;
            while (open - backslashes - 1 >= i && text[open - backslashes - 1] == '\\')
            {
                backslashes++;
            }

            if (backslashes == 1)
            {
                pending.Append(text, i, open - 1 - i).Append("{{");
                i = open + 2;
                continue;
            }

            // "\\{{": one backslash written, then a tag.
            pending.Append(text, i, open - i - (backslashes >= 2 ? 1 : 0));
            Flush(tokens, pending, textStart, open);
            var tag = ReadTag(text, open, errors);
            if (tag is null)
            {
                return tokens;
            }

            tokens.Add(tag);
            i = tag.Span.End;
            textStart = i;
        }

        Flush(tokens, pending, textStart, text.Length);
        return tokens;
    }

    private static void Flush(List<TemplateToken> tokens, StringBuilder pending, int start, int end)
    {
        if (pending.Length > 0)
        {
            tokens.Add(new TemplateToken(TagKind.Text, pending.ToString(), SourceSpan.FromBounds(start, end)));
            pending.Clear();
        }
    }

    private static TemplateToken? ReadTag(string text, int open, List<TemplateSyntaxError> errors)
    {
        if (string.CompareOrdinal(text, open, "{{!--", 0, 5) == 0)
        {
            return Closed(text, open, "--}}", TagKind.Comment, errors, "'{{!--' has no closing '--}}'");
        }

        if (string.CompareOrdinal(text, open, "{{!", 0, 3) == 0)
        {
            return Closed(text, open, "}}", TagKind.Comment, errors, "'{{!' has no closing '}}'");
        }

        if (string.CompareOrdinal(text, open, "{{{", 0, 3) == 0)
        {
            var rawEnd = text.IndexOf("}}}", open + 3, StringComparison.Ordinal);
            if (rawEnd < 0)
            {
                errors.Add(new TemplateSyntaxError("'{{{' has no closing '}}}'", SourceSpan.FromBounds(open, text.Length)));
                return null;
            }

            return new TemplateToken(TagKind.RawValue, string.Empty, SourceSpan.FromBounds(open, rawEnd + 3), text.Substring(open + 3, rawEnd - open - 3), open + 3);
        }

        var end = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            errors.Add(new TemplateSyntaxError("'{{' has no closing '}}'", SourceSpan.FromBounds(open, text.Length)));
            return null;
        }

        var span = SourceSpan.FromBounds(open, end + 2);
        var contentStart = open + 2;
        var content = text.Substring(contentStart, end - contentStart);
        var lead = content.Length - content.TrimStart().Length;
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            return new TemplateToken(TagKind.Value, string.Empty, span, content, contentStart);
        }

        var first = trimmed[0];
        var afterFirst = contentStart + lead + 1;
        switch (first)
        {
            case '#':
            case '/':
                var keyword = Keyword(trimmed, 1);
                var argumentStart = afterFirst + keyword.Length;
                var argument = text.Substring(argumentStart, end - argumentStart);
                var kind = first == '/'
                    ? TagKind.Close
                    : keyword switch { "each" => TagKind.OpenEach, "if" => TagKind.OpenIf, "unless" => TagKind.OpenUnless, _ => TagKind.Text };
                if (kind == TagKind.Text)
                {
                    errors.Add(new TemplateSyntaxError($"'{{{{#{keyword}}}}}' is not a section: the sections are #each, #if and #unless", span));
                    return new TemplateToken(TagKind.Comment, keyword, span);
                }

                return new TemplateToken(kind, keyword, span, argument, argumentStart);
            case '>':
                return new TemplateToken(TagKind.Partial, ">", span, text.Substring(afterFirst, end - afterFirst), afterFirst);
            default:
                if (trimmed == "else")
                {
                    return new TemplateToken(TagKind.Else, "else", span);
                }

                if (trimmed.StartsWith("else ", StringComparison.Ordinal))
                {
                    errors.Add(new TemplateSyntaxError($"'{{{{{trimmed}}}}}' is not supported: nest an '{{{{#if}}}}' inside '{{{{else}}}}'", span));
                    return new TemplateToken(TagKind.Else, "else", span);
                }

                return new TemplateToken(TagKind.Value, string.Empty, span, content, contentStart);
        }
    }

    private static TemplateToken? Closed(string text, int open, string closing, TagKind kind, List<TemplateSyntaxError> errors, string unclosed)
    {
        var end = text.IndexOf(closing, open + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            errors.Add(new TemplateSyntaxError(unclosed, SourceSpan.FromBounds(open, text.Length)));
            return null;
        }

        return new TemplateToken(kind, string.Empty, SourceSpan.FromBounds(open, end + closing.Length));
    }

    private static string Keyword(string trimmed, int start)
    {
        var end = start;
        while (end < trimmed.Length && (char.IsLetterOrDigit(trimmed[end]) || trimmed[end] == '_' || trimmed[end] == '*' || trimmed[end] == '>'))
        {
            end++;
        }

        return trimmed.Substring(start, end - start);
    }
}
