using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;

namespace TypedMail;

/// <summary>
/// The plain-text alternative of an HTML mail body: paragraphs and headings separated by a blank line, list items on
/// their own lines ("- " or "1. "), table rows on a line each, links kept as <c>text (url)</c>, images by their alt
/// text, entities decoded, scripts, styles and hidden elements (<c>display:none</c>, e.g. preheaders) left out.
/// </summary>
public static class HtmlToText
{
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "ul", "ol", "dl", "hr",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal)
    {
        "div", "section", "article", "header", "footer", "main", "nav", "aside", "center", "tr", "li", "dt", "dd",
        "address", "figure", "figcaption", "form", "fieldset", "tbody", "thead", "tfoot", "caption",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param",
    };

    /// <summary>Converts an HTML mail body to readable plain text (lines end with LF).</summary>
    /// <param name="html">The HTML; malformed markup is read forgivingly, never refused.</param>
    /// <returns>The text, ending with one line break; empty when the HTML shows no text.</returns>
    public static string Convert(string html)
    {
        if (html is null)
        {
            throw new ArgumentNullException(nameof(html));
        }

        var state = new Conversion();
        foreach (var token in HtmlTokenizer.Tokenize(html))
        {
            state.Read(token);
        }

        var text = state.Writer.ToString();
        return text.Trim().Length == 0 ? string.Empty : text;
    }

    /// <summary>Text as the reader sees it: entities decoded, no-break and invisible spaces made plain.</summary>
    internal static string Decode(string raw) =>
        new(WebUtility.HtmlDecode(raw)
            .Select(c => c == '\u00A0' ? ' ' : c)
            .Where(c => c is not ('\u200B' or '\u200C' or '\u200D' or '\u034F' or '\uFEFF' or '\u00AD'))
            .ToArray());

    private sealed class Conversion
    {
        private readonly Stack<(string Href, int Start)> _links = new();
        private readonly Stack<(bool Ordered, int Number, string Indent)> _lists = new();
        private string? _hiddenTag;
        private int _hiddenDepth;
        private int _preDepth;
        private bool _preStart;

        public PlainTextWriter Writer { get; } = new();

        public void Read(HtmlToken token)
        {
            if (_hiddenTag is not null)
            {
                SkipHidden(token);
                return;
            }

            switch (token.Kind)
            {
                case HtmlTokenKind.Text:
                    Text(Decode(token.Value));
                    break;
                case HtmlTokenKind.StartTag when IsHidden(token) && !Void.Contains(token.Value):
                    _hiddenTag = token.Value;
                    _hiddenDepth = 1;
                    break;
                case HtmlTokenKind.StartTag:
                    Start(token);
                    break;
                default:
                    End(token.Value);
                    break;
            }
        }

        private static bool IsHidden(HtmlToken token) =>
            token.Attributes.ContainsKey("hidden")
            || string.Concat((token.Attribute("style") ?? string.Empty).Where(c => !char.IsWhiteSpace(c)))
                .IndexOf("display:none", StringComparison.OrdinalIgnoreCase) >= 0;

        private void SkipHidden(HtmlToken token)
        {
            if (token.Value != _hiddenTag)
            {
                return;
            }

            _hiddenDepth += token.Kind == HtmlTokenKind.StartTag ? 1 : token.Kind == HtmlTokenKind.EndTag ? -1 : 0;
            if (_hiddenDepth == 0)
            {
                _hiddenTag = null;
            }
        }

        private void Text(string text)
        {
            if (_preDepth > 0)
            {
                // HTML ignores the line break right after <pre>.
                Writer.Preformatted(_preStart && text.StartsWith("\n", StringComparison.Ordinal) ? text.Substring(1) : text);
                _preStart = false;
            }
            else
            {
                Writer.Words(text);
            }
        }

        private void Start(HtmlToken tag)
        {
            var name = tag.Value;
            Block(name);
            switch (name)
            {
                case "br":
                    Writer.LineBreak();
                    break;
                case "hr":
                    Writer.Words("----------");
                    Writer.ParagraphBreak();
                    break;
                case "pre":
                    _preDepth++;
                    _preStart = true;
                    break;
                case "ul":
                case "ol":
                    _lists.Push((name == "ol", StartNumber(tag), Writer.Indent));
                    break;
                case "li":
                    ListItem();
                    break;
                case "td":
                case "th":
                    Writer.Gap("  ");
                    break;
                case "a":
                    _links.Push((tag.Attribute("href")?.Trim() ?? string.Empty, Writer.Length));
                    break;
                case "img":
                    Writer.Words(" " + (tag.Attribute("alt") ?? string.Empty) + " ");
                    break;
            }
        }

        private void End(string name)
        {
            switch (name)
            {
                case "pre" when _preDepth > 0:
                    _preDepth--;
                    break;
                case "ul" or "ol" when _lists.Count > 0:
                    Writer.Indent = _lists.Pop().Indent;
                    break;
                case "li" when _lists.Count > 0:
                    Writer.Indent = _lists.Peek().Indent;
                    break;
                case "a" when _links.Count > 0:
                    EndLink(_links.Pop());
                    break;
            }

            Block(name);
        }

        /// <summary>Block elements start and end on their own line; paragraphs also leave a blank line (not inside a list).</summary>
        private void Block(string name)
        {
            if (Paragraphs.Contains(name) && !(name is "ul" or "ol" && _lists.Count > 0))
            {
                Writer.ParagraphBreak();
            }
            else if (Paragraphs.Contains(name) || Lines.Contains(name))
            {
                Writer.LineBreak();
            }
        }

        private static int StartNumber(HtmlToken tag) =>
            int.TryParse(tag.Attribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;

        private void ListItem()
        {
            if (_lists.Count == 0)
            {
                return;
            }

            var (ordered, number, indent) = _lists.Pop();
            var depthIndent = indent;
            var marker = ordered ? number.ToString(CultureInfo.InvariantCulture) + "." : "-";
            _lists.Push((ordered, number + 1, indent));
            Writer.Indent = depthIndent;
            Writer.Words(marker + " ");
            Writer.Indent = depthIndent + new string(' ', marker.Length + 1);
        }

        private void EndLink((string Href, int Start) link)
        {
            var href = link.Href;
            if (href.Length == 0 || href.StartsWith("#", StringComparison.Ordinal)
                || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var text = Writer.Since(link.Start).Trim();
            var target = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href.Substring("mailto:".Length) : href;
            if (text.Length == 0)
            {
                Writer.Words(" " + target + " ");
            }
            else if (!string.Equals(text, target, StringComparison.OrdinalIgnoreCase) && !string.Equals(text, href, StringComparison.OrdinalIgnoreCase))
            {
                Writer.Words(" (" + target + ")");
            }
        }
    }
}
