using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TypedMail.Analyzers.Templates;

/// <summary>A template's text and where each of its characters is written, inline in an attribute or in a file.</summary>
internal sealed class TemplateText
{
    private readonly Location _whole;
    private readonly SyntaxTree? _tree;
    private readonly int _sourceOffset;
    private readonly AdditionalText? _file;
    private readonly SourceText? _fileText;
    private readonly int[]? _offsets;

    private TemplateText(string text, Location whole, SyntaxTree? tree, int sourceOffset, AdditionalText? file, SourceText? fileText, int[]? offsets)
    {
        _offsets = offsets;
        Text = text;
        _whole = whole;
        _tree = tree;
        _sourceOffset = sourceOffset;
        _file = file;
        _fileText = fileText;
    }

    /// <summary>The template as the generator reads it.</summary>
    public string Text { get; }

    /// <summary>A template written as an attribute argument.</summary>
    public static TemplateText Inline(string text, ExpressionSyntax? expression)
    {
        if (expression is LiteralExpressionSyntax { Token: var token } literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && SourceOffsets(token.Text, text) is { } offsets)
        {
            return new TemplateText(text, literal.GetLocation(), literal.SyntaxTree, token.SpanStart, null, null, offsets);
        }

        return new TemplateText(text, expression?.GetLocation() ?? Location.None, null, 0, null, null, null);
    }

    /// <summary>
    /// Where each character of the value is written in the literal's text (one past the end included), for regular
    /// and verbatim literals and single-line raw literals; <see langword="null"/> when the value cannot be mapped.
    /// </summary>
    internal static int[]? SourceOffsets(string tokenText, string value)
    {
        var offsets = new int[value.Length + 1];
        int i;
        var n = 0;
        if (tokenText.StartsWith("\"\"\"", System.StringComparison.Ordinal))
        {
            var quotes = 0;
            while (quotes < tokenText.Length && tokenText[quotes] == '"')
            {
                quotes++;
            }

            if (tokenText.Length != value.Length + 2 * quotes || string.CompareOrdinal(tokenText, quotes, value, 0, value.Length) != 0)
            {
                return null;
            }

            for (var k = 0; k <= value.Length; k++)
            {
                offsets[k] = quotes + k;
            }

            return offsets;
        }

        var verbatim = tokenText.StartsWith("@\"", System.StringComparison.Ordinal);
        i = verbatim ? 2 : 1;
        var end = tokenText.Length - 1;
        while (i < end && n < value.Length)
        {
            offsets[n] = i;
            var c = tokenText[i];
            if (verbatim)
            {
                i += c == '"' ? 2 : 1;
                n++;
                continue;
            }

            if (c != '\\')
            {
                i++;
                n++;
                continue;
            }

            var kind = i + 1 < end ? tokenText[i + 1] : '\0';
            var length = kind switch
            {
                'u' => 6,
                'U' => 10,
                'x' => 2 + HexDigits(tokenText, i + 2, end),
                _ => 2,
            };
            i += length;
            n += kind == 'U' ? 2 : 1;   // \U beyond the BMP is a surrogate pair
            if (n > value.Length)
            {
                return null;
            }

            if (kind == 'U')
            {
                offsets[n - 1] = offsets[n - 2];
            }
        }

        if (i != end || n != value.Length)
        {
            return null;
        }

        offsets[n] = i;
        return offsets;
    }

    private static int HexDigits(string text, int start, int end)
    {
        var count = 0;
        while (count < 4 && start + count < end && System.Uri.IsHexDigit(text[start + count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>A template read from an AdditionalFiles item.</summary>
    public static TemplateText FromFile(AdditionalText file, SourceText content, Location reference) =>
        new(content.ToString(), reference, null, 0, file, content, null);

    /// <summary>Whether <see cref="Locate"/> points into the C# source text itself (so a code fix can edit it).</summary>
    public bool IsPrecise => _tree is not null;

    /// <summary>Where the characters <paramref name="start"/>..+<paramref name="length"/> of the template are written.</summary>
    public Location Locate(int start, int length)
    {
        if (_tree is not null && _offsets is not null && start + length < _offsets.Length)
        {
            var from = _offsets[start];
            var to = _offsets[start + length];
            return Location.Create(_tree, TextSpan.FromBounds(_sourceOffset + from, _sourceOffset + to));
        }

        if (_file is not null && _fileText is not null)
        {
            var span = new TextSpan(start, length);
            return Location.Create(_file.Path, span, _fileText.Lines.GetLinePositionSpan(span));
        }

        return _whole;
    }
}
