using System.Collections.Generic;

namespace TypedMail;

/// <summary>What the tokenizer found: text, a start tag (with its attributes) or an end tag. Names are lower case.</summary>
internal readonly struct HtmlToken
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    private HtmlToken(HtmlTokenKind kind, string value, IReadOnlyDictionary<string, string>? attributes)
    {
        Kind = kind;
        Value = value;
        Attributes = attributes ?? NoAttributes;
    }

    public HtmlTokenKind Kind { get; }

    /// <summary>The raw text (entities not decoded) or the tag's name.</summary>
    public string Value { get; }

    /// <summary>A start tag's attributes, names lower case, values decoded.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    public static HtmlToken Text(string text) => new(HtmlTokenKind.Text, text, null);

    public static HtmlToken Start(string name, IReadOnlyDictionary<string, string> attributes) => new(HtmlTokenKind.StartTag, name, attributes);

    public static HtmlToken End(string name) => new(HtmlTokenKind.EndTag, name, null);

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The kinds of <see cref="HtmlToken"/>.</summary>
internal enum HtmlTokenKind
{
    Text,
    StartTag,
    EndTag,
}
