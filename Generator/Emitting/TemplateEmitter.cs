using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>Writes a template as straight-line code: one append per literal and per placeholder, no template engine.</summary>
internal static class TemplateEmitter
{
    /// <summary>Writes <c>private string {methodName}()</c> rendering the template.</summary>
    public static void WriteMethod(SourceWriter w, string methodName, TemplateSpec template, IReadOnlyDictionary<string, MemberSpec> members, bool html)
    {
        w.Line(CSharp.GeneratedCode);
        var placeholders = template.Parts.Count(p => p.IsPlaceholder);
        if (placeholders == 0)
        {
            w.Line($"private string {methodName}() => {CSharp.Literal(string.Concat(template.Parts.Select(p => p.Text)))};").Line();
            return;
        }

        var capacity = template.Parts.Where(p => !p.IsPlaceholder).Sum(p => p.Text.Length) + (16 * placeholders);
        w.Open($"private string {methodName}()")
         .Line($"var text = new global::System.Text.StringBuilder({capacity});");
        foreach (var part in template.Parts)
        {
            w.Line(part.IsPlaceholder
                ? $"text.Append({Value(members[part.Text], part.Format, html)});"
                : $"text.Append({CSharp.Literal(part.Text)});");
        }

        w.Line("return text.ToString();")
         .Close()
         .Line();
    }

    /// <summary>The expression of a member's value as text: formatted with the class's culture, HTML-encoded in HTML.</summary>
    internal static string Value(MemberSpec member, string? format, bool html)
    {
        var access = "this." + CSharp.Id(member.Name);
        var dot = member.CanBeNull ? "?." : ".";
        var formatLiteral = CSharp.Literal(format);
        var text = member.Value switch
        {
            ValueKind.String => access,
            ValueKind.Formattable => $"{access}{dot}ToString({formatLiteral}, TypedMailFormat)",
            ValueKind.InterfaceFormattable => member.CanBeNull
                ? $"((global::System.IFormattable?){access})?.ToString({formatLiteral}, TypedMailFormat)"
                : $"((global::System.IFormattable){access}).ToString({formatLiteral}, TypedMailFormat)",
            ValueKind.Enum => format is null ? $"{access}{dot}ToString()" : $"{access}{dot}ToString({formatLiteral})",
            _ => $"{access}{dot}ToString()",
        };
        return html ? $"global::System.Net.WebUtility.HtmlEncode({text})" : text;
    }
}
