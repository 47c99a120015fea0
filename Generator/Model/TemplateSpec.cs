namespace TypedMail.Generator.Model;

/// <summary>One piece of a parsed template: literal text, or a placeholder naming a member (with an optional format).</summary>
internal sealed record TemplatePart(bool IsPlaceholder, string Text, string? Format);

/// <summary>
/// A template: inline (parts parsed at once) or in an AdditionalFiles item (<see cref="FilePath"/> set, parts filled in
/// when the file is matched).
/// </summary>
internal sealed record TemplateSpec(string? FilePath, EquatableArray<TemplatePart> Parts)
{
    public bool IsResolved => FilePath is null;
}

/// <summary>The text of an AdditionalFiles item that a template names.</summary>
internal sealed record TemplateFile(string Path, string Text);

/// <summary>A <c>[Header(name, value)]</c>; the value is a template.</summary>
internal sealed record HeaderSpec(string Name, TemplateSpec Value);
