using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Definitions.Model;

/// <summary>Which attribute argument holds a template (or a constant): the problems point there.</summary>
/// <param name="Attribute">The attribute's short name: <c>MailMessage</c>, <c>TextBody</c>, <c>HtmlBody</c>, <c>Header</c>, <c>SmtpServer</c>.</param>
/// <param name="Index">Which one of the class's attributes of that name (0 for the first).</param>
/// <param name="Argument">A named argument's name, a constructor argument's position ("0", "1"), or <see langword="null"/> for the attribute itself.</param>
internal sealed record AttributeSlot(string Attribute, int Index, string? Argument);

/// <summary>
/// A template as read: its text when inline, or the AdditionalFiles path it names, and its layout; once bound, the
/// steps that render it (every name bound to a member, every section to a type that fits).
/// </summary>
/// <param name="Origin">The attribute argument that holds the text (or the <c>File =</c> path).</param>
/// <param name="Role">How messages name it: "subject", "text body", "HTML body", "header 'X-A'".</param>
/// <param name="FilePath">The <c>File =</c> path, or <see langword="null"/> for an inline template.</param>
/// <param name="Text">The inline text, or the file's text once found.</param>
/// <param name="Steps">The rendering steps, once bound.</param>
internal sealed record TemplateSpec(AttributeSlot Origin, string Role, string? FilePath, string? Text, EquatableArray<RenderStep> Steps)
{
    /// <summary>The <c>Layout =</c> path of a body, or <see langword="null"/>.</summary>
    public string? LayoutPath { get; init; }

    /// <summary>Whether values are HTML-encoded (the HTML body).</summary>
    public bool IsHtml => Origin.Attribute == "HtmlBody";

    /// <summary>The full path of the AdditionalFiles item the text came from, once found.</summary>
    public string? FoundPath { get; init; }

    /// <summary>Whether the template names a file that was not found (it renders as an empty text).</summary>
    public bool IsMissing => Text is null;
}

/// <summary>The text of an AdditionalFiles item that a template names.</summary>
internal sealed record TemplateFile(string Path, string Text);

/// <summary>A <c>[Header(name, value)]</c>; the value is a template.</summary>
internal sealed record HeaderSpec(string Name, TemplateSpec Value);
