using System;
using System.Collections.Generic;

namespace TypedMail.Definitions.TemplateBinding;

/// <summary>A template file found among the AdditionalFiles: its full path and text.</summary>
internal sealed record TemplateSource(string Path, string Text);

/// <summary>What a template is bound against.</summary>
/// <param name="Catalog">The message's shapes.</param>
/// <param name="ClassName">The message class's name, for messages.</param>
/// <param name="Role">How messages name the template: "HTML body", "text body", "subject", "header 'X'".</param>
/// <param name="Html">Values are HTML-encoded.</param>
/// <param name="LayoutPath">The <c>Layout =</c> path, or <see langword="null"/>.</param>
/// <param name="FindFile">Finds a layout or partial among the AdditionalFiles by the path a template names.</param>
/// <param name="CheckFormat">Why a format does not fit a message member (member name, format), or null when it does.</param>
internal sealed record TemplateBindingContext(TypeCatalog Catalog, string ClassName, string Role, bool Html, string? LayoutPath, Func<string, TemplateSource?> FindFile, Func<string, string, string?>? CheckFormat = null);

/// <summary>A bound template: the steps to emit, its problems, and what it used.</summary>
/// <param name="Steps">The rendering steps.</param>
/// <param name="Problems">Every problem, in the order found.</param>
/// <param name="UsedMembers">The message members it reads (a misspelled name's nearest member included).</param>
/// <param name="Files">The full paths of the layout and partials it read.</param>
internal sealed record BoundTemplate(IReadOnlyList<RenderStep> Steps, IReadOnlyList<TemplateProblem> Problems, IReadOnlyCollection<string> UsedMembers, IReadOnlyCollection<string> Files);
