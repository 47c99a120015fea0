using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedMail.Analyzers.Symbols;

/// <summary>Reads an attribute's arguments together with the syntax that wrote them, for precise locations.</summary>
internal sealed class AttributeArguments
{
    private readonly AttributeData _data;

    public AttributeArguments(AttributeData data, System.Threading.CancellationToken cancellationToken)
    {
        _data = data;
        Syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
    }

    /// <summary>The attribute as written, when it is in source.</summary>
    public AttributeSyntax? Syntax { get; }

    /// <summary>Where to report a problem of the whole attribute: its name.</summary>
    public Location Location => Syntax?.Name.GetLocation() ?? Location.None;

    /// <summary>Whether the named argument is written.</summary>
    public bool Has(string name) => _data.NamedArguments.Any(a => a.Key == name);

    /// <summary>A named argument's value, or <see langword="null"/> when it is not written.</summary>
    public TypedConstant? Named(string name)
    {
        foreach (var pair in _data.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>A named string argument, or <see langword="null"/>.</summary>
    public string? NamedString(string name) => Named(name)?.Value as string;

    /// <summary>A named int (or enum) argument, or <see langword="null"/>.</summary>
    public int? NamedInt(string name) => Named(name)?.Value is int value ? value : null;

    /// <summary>A constructor argument's string value, or <see langword="null"/>.</summary>
    public string? Positional(int index) =>
        index < _data.ConstructorArguments.Length ? _data.ConstructorArguments[index].Value as string : null;

    /// <summary>The expression written for a named argument, or <see langword="null"/>.</summary>
    public ExpressionSyntax? NamedExpression(string name) =>
        Syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;

    /// <summary>The expression written for a constructor argument, or <see langword="null"/>.</summary>
    public ExpressionSyntax? PositionalExpression(int index)
    {
        var positional = Syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return positional is not null && index < positional.Count ? positional[index].Expression : null;
    }

    /// <summary>Where the named argument is written, or the attribute's name when it is not.</summary>
    public Location NamedLocation(string name) => NamedExpression(name)?.GetLocation() ?? Location;
}
