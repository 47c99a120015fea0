using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Generator.Model;

/// <summary>
/// A template: its text (inline, or once its AdditionalFiles item is found), its layout, and once bound the steps
/// that render it.
/// </summary>
/// <param name="FilePath">The <c>File =</c> path, or <see langword="null"/> for an inline template.</param>
/// <param name="Text">The inline text, or the file's text once found.</param>
/// <param name="LayoutPath">The <c>Layout =</c> path, or <see langword="null"/>.</param>
/// <param name="Steps">The rendering steps, once bound.</param>
internal sealed record TemplateSpec(string? FilePath, string? Text, string? LayoutPath, EquatableArray<RenderStep> Steps);

/// <summary>An AdditionalFiles item's path and text.</summary>
internal sealed record TemplateFile(string Path, string Text);

/// <summary>A <c>[Header(name, value)]</c>; the value is a template.</summary>
internal sealed record HeaderSpec(string Name, TemplateSpec Value);
