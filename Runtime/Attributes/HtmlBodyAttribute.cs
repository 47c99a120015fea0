using System;

namespace TypedMail;

/// <summary>
/// The HTML body template: inline, or read at compile time from an AdditionalFiles item with
/// <see cref="File"/>, optionally inside a <see cref="Layout"/>. Values are HTML-encoded; only a
/// <see cref="HtmlString"/> is written unencoded, with <c>{{{Member}}}</c>. The template language is described in docs/templates.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class HtmlBodyAttribute : Attribute
{
    /// <summary>A template read from <see cref="File"/>.</summary>
    public HtmlBodyAttribute()
    {
    }

    /// <summary>An inline template.</summary>
    /// <param name="template">The template text.</param>
    public HtmlBodyAttribute(string template) => Template = template;

    /// <summary>The inline template, or <see langword="null"/> when <see cref="File"/> is used.</summary>
    public string? Template { get; }

    /// <summary>The path of an AdditionalFiles item holding the template, relative to the project.</summary>
    public string? File { get; set; }

    /// <summary>
    /// The path of an AdditionalFiles item holding a layout: a template with <c>{{> body}}</c> once, where this body
    /// goes. The layout sees the message's members as the body does.
    /// </summary>
    public string? Layout { get; set; }

    /// <summary>
    /// Whether a message without <c>[TextBody]</c> gets a plain-text alternative generated from the rendered HTML
    /// (<see cref="HtmlToText"/>); <see langword="true"/> by default, since spam filters mark HTML-only mail down.
    /// </summary>
    public bool TextAlternative { get; set; } = true;
}
