using System.Collections.Generic;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>A parsed template: its nodes in order and its syntax errors (each a TM0022).</summary>
/// <param name="Nodes">The top-level nodes.</param>
/// <param name="Errors">The syntax errors, in the order they are written.</param>
internal sealed record TemplateSyntax(IReadOnlyList<TemplateNode> Nodes, IReadOnlyList<TemplateSyntaxError> Errors)
{
    /// <summary>Parses <paramref name="text"/> as a template of the given role.</summary>
    public static TemplateSyntax Parse(string text, TemplateRole role = TemplateRole.Body) => TemplateParser.Parse(text, role);
}
