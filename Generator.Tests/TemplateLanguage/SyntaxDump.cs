using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.TemplateLanguage;

namespace TypedMail.Generator.Tests.TemplateLanguage;

/// <summary>A one-line picture of a syntax tree, so that a test states the whole tree it expects.</summary>
internal static class SyntaxDump
{
    public static string Of(IEnumerable<TemplateNode> nodes) => string.Join(" ", nodes.Select(Of));

    public static string Of(string template, TemplateRole role = TemplateRole.Body)
    {
        var syntax = TemplateSyntax.Parse(template, role);
        Assert.Empty(syntax.Errors);
        return Of(syntax.Nodes);
    }

    private static string Of(TemplateNode node) => node switch
    {
        TextNode t => "'" + t.Text.Replace("\n", "\\n") + "'",
        ValueNode v => (v.Raw ? "raw(" : "value(") + v.Path.Text + (v.Format is null ? "" : ":" + v.Format) + ")",
        EachNode e => $"each({e.Sequence.Text})[{Of(e.Body)}]",
        ConditionNode c => $"{(c.Negated ? "unless" : "if")}({c.Condition.Text})[{Of(c.Then)}]" + (c.Else.Count > 0 ? $"else[{Of(c.Else)}]" : ""),
        PartialNode p => $"partial({p.Name})",
        _ => "?",
    };
}
