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

    private TemplateText(string text, Location whole, SyntaxTree? tree, int sourceOffset, AdditionalText? file, SourceText? fileText)
    {
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
        if (expression is LiteralExpressionSyntax { Token: var token } literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            // Offsets map one to one only when the literal holds no escapes.
            var prefix = token.Text.StartsWith("@\"", System.StringComparison.Ordinal) ? 2 : 1;
            if (token.Text.Length == text.Length + prefix + 1 && string.CompareOrdinal(token.Text, prefix, text, 0, text.Length) == 0)
            {
                return new TemplateText(text, literal.GetLocation(), literal.SyntaxTree, token.SpanStart + prefix, null, null);
            }
        }

        return new TemplateText(text, expression?.GetLocation() ?? Location.None, null, 0, null, null);
    }

    /// <summary>A template read from an AdditionalFiles item.</summary>
    public static TemplateText FromFile(AdditionalText file, SourceText content, Location reference) =>
        new(content.ToString(), reference, null, 0, file, content);

    /// <summary>Whether <see cref="Locate"/> points into the C# source text itself (so a code fix can edit it).</summary>
    public bool IsPrecise => _tree is not null;

    /// <summary>Where the characters <paramref name="start"/>..+<paramref name="length"/> of the template are written.</summary>
    public Location Locate(int start, int length)
    {
        if (_tree is not null)
        {
            return Location.Create(_tree, new TextSpan(_sourceOffset + start, length));
        }

        if (_file is not null && _fileText is not null)
        {
            var span = new TextSpan(start, length);
            return Location.Create(_file.Path, span, _fileText.Lines.GetLinePositionSpan(span));
        }

        return _whole;
    }
}
