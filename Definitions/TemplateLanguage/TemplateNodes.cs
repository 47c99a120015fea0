using System.Collections.Generic;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>A piece of a parsed template. Every node knows where it is written, so problems point at it.</summary>
internal abstract record TemplateNode(SourceSpan Span);

/// <summary>Text written as it is (after <c>\{{</c> escapes and standalone-line trimming).</summary>
/// <param name="Text">The text to write.</param>
internal sealed record TextNode(string Text, SourceSpan Span) : TemplateNode(Span);

/// <summary><c>{{path}}</c>, <c>{{path:format}}</c> or <c>{{{path}}}</c>.</summary>
/// <param name="Path">The value's path.</param>
/// <param name="Format">The format after ':', or <see langword="null"/>.</param>
/// <param name="Raw">Triple braces: written unencoded (only an <c>HtmlString</c> may be).</param>
/// <param name="FormatSpan">Where the format is written (empty when there is none).</param>
internal sealed record ValueNode(TemplatePath Path, string? Format, bool Raw, SourceSpan FormatSpan, SourceSpan Span) : TemplateNode(Span);

/// <summary><c>{{#each path}}…{{/each}}</c>: <see cref="TemplateNode.Span"/> is the opening tag.</summary>
/// <param name="Sequence">The sequence's path.</param>
/// <param name="Body">What is written for each element.</param>
internal sealed record EachNode(TemplatePath Sequence, IReadOnlyList<TemplateNode> Body, SourceSpan Span) : TemplateNode(Span);

/// <summary>
/// <c>{{#if path}}…{{else}}…{{/if}}</c> or, <see cref="Negated"/>, <c>{{#unless path}}…{{/unless}}</c>:
/// <see cref="TemplateNode.Span"/> is the opening tag.
/// </summary>
/// <param name="Condition">The tested path.</param>
/// <param name="Negated"><c>#unless</c>.</param>
/// <param name="Then">Written when the condition holds (for <c>#unless</c>: when it does not).</param>
/// <param name="Else">Written otherwise (empty without <c>{{else}}</c>).</param>
internal sealed record ConditionNode(TemplatePath Condition, bool Negated, IReadOnlyList<TemplateNode> Then, IReadOnlyList<TemplateNode> Else, SourceSpan Span) : TemplateNode(Span);

/// <summary><c>{{> Mail/_Footer.html}}</c> (a partial file) or, in a layout, <c>{{> body}}</c>.</summary>
/// <param name="Name">The partial's path, or <c>body</c>.</param>
/// <param name="NameSpan">Where the name is written.</param>
internal sealed record PartialNode(string Name, SourceSpan NameSpan, SourceSpan Span) : TemplateNode(Span)
{
    /// <summary>The name a layout uses for the body it wraps.</summary>
    public const string BodyName = "body";

    /// <summary>Whether this is the layout's <c>{{> body}}</c>.</summary>
    public bool IsBody => Name == BodyName;
}
