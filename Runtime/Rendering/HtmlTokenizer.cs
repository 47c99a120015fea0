using System;
using System.Collections.Generic;
using System.Net;

namespace TypedMail;

/// <summary>
/// A forgiving HTML tokenizer for mail bodies: text, start and end tags; comments, doctypes and processing instructions
/// skipped; the content of script and style dropped. Never throws on malformed markup: what is not a tag is text.
/// </summary>
internal static class HtmlTokenizer
{
    public static IEnumerable<HtmlToken> Tokenize(string html)
    {
        var position = 0;
        var textStart = 0;
        while (position < html.Length)
        {
            if (html[position] != '<' || position + 1 >= html.Length)
            {
                position++;
                continue;
            }

            var next = html[position + 1];
            int end;
            HtmlToken? tag = null;
            if (next == '!' || next == '?')
            {
                end = SkipDeclaration(html, position);
            }
            else if (next == '/' || char.IsLetter(next))
            {
                end = ReadTag(html, position, out tag);
            }
            else
            {
                position++;
                continue;
            }

            if (position > textStart)
            {
                yield return HtmlToken.Text(html.Substring(textStart, position - textStart));
            }

            if (tag is { } found)
            {
                yield return found;
                if (found.Kind == HtmlTokenKind.StartTag && found.Value is "script" or "style" or "title" or "head")
                {
                    end = SkipRawText(html, end, found.Value);
                }
            }

            position = textStart = end;
        }

        if (textStart < html.Length)
        {
            yield return HtmlToken.Text(html.Substring(textStart));
        }
    }

    private static int SkipDeclaration(string html, int position)
    {
        if (string.CompareOrdinal(html, position, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", position + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        var end = html.IndexOf('>', position);
        return end < 0 ? html.Length : end + 1;
    }

    /// <summary>Drops everything up to the element's end tag (its content is not text the reader sees).</summary>
    private static int SkipRawText(string html, int position, string name)
    {
        var close = html.IndexOf("</" + name, position, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return html.Length;
        }

        var end = html.IndexOf('>', close);
        return end < 0 ? html.Length : end + 1;
    }

    private static int ReadTag(string html, int position, out HtmlToken? tag)
    {
        var closing = html[position + 1] == '/';
        var i = position + (closing ? 2 : 1);
        var nameStart = i;
        while (i < html.Length && (char.IsLetterOrDigit(html[i]) || html[i] is '-' or ':'))
        {
            i++;
        }

        var name = html.Substring(nameStart, i - nameStart).ToLowerInvariant();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < html.Length && html[i] != '>')
        {
            if (char.IsWhiteSpace(html[i]) || html[i] == '/')
            {
                i++;
                continue;
            }

            i = ReadAttribute(html, i, attributes);
        }

        tag = name.Length == 0 ? null : closing ? HtmlToken.End(name) : HtmlToken.Start(name, attributes);
        return Math.Min(i + 1, html.Length);
    }

    private static int ReadAttribute(string html, int i, Dictionary<string, string> attributes)
    {
        var nameStart = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '>' and not '/')
        {
            i++;
        }

        var name = html.Substring(nameStart, i - nameStart).ToLowerInvariant();
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }

        var value = string.Empty;
        if (i < html.Length && html[i] == '=')
        {
            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] is '"' or '\'')
            {
                var quote = html[i];
                var close = html.IndexOf(quote, i + 1);
                close = close < 0 ? html.Length : close;
                value = html.Substring(i + 1, close - i - 1);
                i = Math.Min(close + 1, html.Length);
            }
            else
            {
                var valueStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }

                value = html.Substring(valueStart, i - valueStart);
            }
        }

        if (name.Length > 0 && !attributes.ContainsKey(name))
        {
            attributes[name] = WebUtility.HtmlDecode(value);
        }

        return name.Length == 0 ? i + 1 : i;
    }
}
