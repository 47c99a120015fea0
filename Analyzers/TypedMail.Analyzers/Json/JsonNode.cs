using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace TypedMail.Analyzers.Json;

/// <summary>
/// A JSON value read by <see cref="JsonReader"/>, with where it stands in the file: an object's members keep their key's
/// span, so a diagnostic can point at the key that set a value.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonKind kind, TextSpan span, string? text, IReadOnlyList<JsonMember>? members)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Members = members ?? [];
    }

    /// <summary>What the value is.</summary>
    public JsonKind Kind { get; }

    /// <summary>Where the whole value stands in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>A string's unescaped text, or a number's or literal's raw text (as the configuration binder sees it); null for objects, arrays and <c>null</c>.</summary>
    public string? Text { get; }

    /// <summary>An object's members in file order (empty for anything else).</summary>
    public IReadOnlyList<JsonMember> Members { get; }

    public static JsonNode Scalar(JsonKind kind, TextSpan span, string? text) => new(kind, span, text, null);

    public static JsonNode Object(TextSpan span, IReadOnlyList<JsonMember> members) => new(JsonKind.Object, span, null, members);

    public static JsonNode Array(TextSpan span) => new(JsonKind.Array, span, null, null);

    /// <summary>The last member named <paramref name="key"/>, compared case-insensitively as the configuration binder does.</summary>
    public JsonMember? Member(string key)
    {
        JsonMember? found = null;
        foreach (var member in Members)
        {
            if (string.Equals(member.Key, key, System.StringComparison.OrdinalIgnoreCase))
            {
                found = member;
            }
        }

        return found;
    }
}

/// <summary>An object's member: its key, the key's span (quotes included) and its value.</summary>
internal sealed record JsonMember(string Key, TextSpan KeySpan, JsonNode Value);

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
