namespace TypedMail.Definitions.Model;

/// <summary>One piece of a resolved template: literal text, or a placeholder naming a member (with an optional format).</summary>
internal sealed record TemplatePart(bool IsPlaceholder, string Text, string? Format);

/// <summary>Which attribute argument holds a template (or a constant): the problems point there.</summary>
/// <param name="Attribute">The attribute's short name: <c>MailMessage</c>, <c>TextBody</c>, <c>HtmlBody</c>, <c>Header</c>, <c>SmtpServer</c>.</param>
/// <param name="Index">Which one of the class's attributes of that name (0 for the first).</param>
/// <param name="Argument">A named argument's name, a constructor argument's position ("0", "1"), or <see langword="null"/> for the attribute itself.</param>
internal sealed record AttributeSlot(string Attribute, int Index, string? Argument);

/// <summary>
/// A template as read: its text when inline, or the AdditionalFiles path it names; once resolved, its parts (every
/// placeholder names a member and carries a format the member can take).
/// </summary>
/// <param name="Origin">The attribute argument that holds the text (or the <c>File =</c> path).</param>
/// <param name="Role">How messages name it: "subject", "text body", "HTML body", "header 'X-A'".</param>
/// <param name="FilePath">The <c>File =</c> path, or <see langword="null"/> for an inline template.</param>
/// <param name="Text">The inline text, or the file's text once found.</param>
/// <param name="Parts">The parts, once resolved.</param>
internal sealed record TemplateSpec(AttributeSlot Origin, string Role, string? FilePath, string? Text, EquatableArray<TemplatePart> Parts)
{
    /// <summary>The full path of the AdditionalFiles item the text came from, once found.</summary>
    public string? FoundPath { get; init; }

    /// <summary>Whether the template names a file that was not found (it renders as an empty text).</summary>
    public bool IsMissing => Text is null;
}

/// <summary>The text of an AdditionalFiles item that a template names.</summary>
internal sealed record TemplateFile(string Path, string Text);

/// <summary>A <c>[Header(name, value)]</c>; the value is a template.</summary>
internal sealed record HeaderSpec(string Name, TemplateSpec Value);
