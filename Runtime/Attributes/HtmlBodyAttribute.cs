using System;

namespace TypedMail;

/// <summary>
/// The HTML body template: inline, or read at compile time from an AdditionalFiles item with
/// <see cref="File"/>. <c>{{Member}}</c> and <c>{{Member:format}}</c> are replaced by HTML-encoded member values.
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
    /// Whether a message without <c>[TextBody]</c> gets a plain-text alternative generated from the rendered HTML
    /// (<see cref="HtmlToText"/>); <see langword="true"/> by default, since spam filters mark HTML-only mail down.
    /// </summary>
    public bool TextAlternative { get; set; } = true;
}
