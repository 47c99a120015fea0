namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>What a <c>{{…}}</c> tag is.</summary>
internal enum TagKind
{
    /// <summary>Not a tag: text.</summary>
    Text,
    /// <summary><c>{{path}}</c> or <c>{{path:format}}</c>.</summary>
    Value,
    /// <summary><c>{{{path}}}</c>.</summary>
    RawValue,
    /// <summary><c>{{#each path}}</c>.</summary>
    OpenEach,
    /// <summary><c>{{#if path}}</c>.</summary>
    OpenIf,
    /// <summary><c>{{#unless path}}</c>.</summary>
    OpenUnless,
    /// <summary><c>{{else}}</c>.</summary>
    Else,
    /// <summary><c>{{/each}}</c>, <c>{{/if}}</c>, <c>{{/unless}}</c>.</summary>
    Close,
    /// <summary><c>{{> name}}</c>.</summary>
    Partial,
    /// <summary><c>{{! … }}</c> or <c>{{!-- … --}}</c>: writes nothing.</summary>
    Comment,
}

/// <summary>
/// A piece of template text as the lexer cuts it: text, or one tag with its argument. Text tokens are trimmed in place
/// by the standalone-line rule, so the trim counts are mutable.
/// </summary>
internal sealed class TemplateToken
{
    public TemplateToken(TagKind kind, string text, SourceSpan span, string argument = "", int argumentStart = 0)
    {
        Kind = kind;
        Text = text;
        Span = span;
        Argument = argument;
        ArgumentStart = argumentStart;
    }

    public TagKind Kind { get; }

    /// <summary>The text to write (text tokens, escapes applied) or the tag's keyword (<c>each</c> for <c>{{/each}}</c>).</summary>
    public string Text { get; }

    /// <summary>Where the whole token is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>What follows the keyword (the path, the partial name), untrimmed.</summary>
    public string Argument { get; }

    /// <summary>Where <see cref="Argument"/> starts in the template text.</summary>
    public int ArgumentStart { get; }

    /// <summary>Characters the standalone-line rule removes from the start of a text token.</summary>
    public int TrimStart { get; set; }

    /// <summary>Characters the standalone-line rule removes from the end of a text token.</summary>
    public int TrimEnd { get; set; }

    /// <summary>The text after trimming.</summary>
    public string TrimmedText => TrimStart + TrimEnd >= Text.Length ? string.Empty : Text.Substring(TrimStart, Text.Length - TrimStart - TrimEnd);

    /// <summary>Whether the tag may stand alone on a line and take the line with it (Handlebars' standalone rule).</summary>
    public bool IsBlockLike => Kind is TagKind.OpenEach or TagKind.OpenIf or TagKind.OpenUnless or TagKind.Else or TagKind.Close or TagKind.Partial or TagKind.Comment;
}
