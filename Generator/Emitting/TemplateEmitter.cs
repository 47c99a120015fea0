using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.TemplateBinding;
using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>
/// Writes a bound template as straight-line code: appends into one StringBuilder, <c>foreach</c> for <c>#each</c>,
/// <c>if</c> for <c>#if</c>; no template engine, no reflection, no parsing at run time.
/// </summary>
internal static class TemplateEmitter
{
    private const string Output = "global::TypedMail.TemplateOutput";

    /// <summary>Whether the template is plain text: then it is a literal where it is used, not a method.</summary>
    public static bool IsConstant(TemplateSpec template) => template.Steps.All(s => s is WriteText);

    /// <summary>Whether the rendering code formats a value with the class's culture (<c>TypedMailFormat</c>).</summary>
    public static bool UsesFormat(IEnumerable<RenderStep> steps) => steps.Any(step => step switch
    {
        WriteValue v => v.Expression.Contains("TypedMailFormat"),
        Branch b => b.Condition.Contains("TypedMailFormat") || UsesFormat(b.Then) || UsesFormat(b.Else),
        Loop l => l.Sequence.Contains("TypedMailFormat") || UsesFormat(l.Body),
        _ => false,
    });

    /// <summary>What renders the template: its literal when constant, else a call of <c>{methodName}()</c>.</summary>
    public static string Call(string methodName, TemplateSpec template) =>
        IsConstant(template) ? CSharp.Literal(string.Concat(template.Steps.Cast<WriteText>().Select(t => t.Text))) : methodName + "()";

    /// <summary>Writes <c>private string {methodName}()</c> rendering the template.</summary>
    public static void WriteMethod(SourceWriter w, string methodName, TemplateSpec template)
    {
        w.Line(CSharp.GeneratedCode);
        var steps = template.Steps;
        if (steps.All(s => s is WriteText))
        {
            w.Line($"private string {methodName}() => {CSharp.Literal(string.Concat(steps.Cast<WriteText>().Select(t => t.Text)))};").Line();
            return;
        }

        if (steps.Count >= 2 && steps.All(s => s is WriteText or WriteValue { Mode: WriteMode.Plain }))
        {
            // Text and plain values only: one concatenation, no builder.
            var parts = steps.Select(s => s is WriteText t ? CSharp.Literal(t.Text) : ((WriteValue)s).Expression);
            w.Line($"private string {methodName}() => string.Concat({string.Join(", ", parts)});").Line();
            return;
        }

        w.Open($"private string {methodName}()")
         .Line($"var text = new global::System.Text.StringBuilder({System.Math.Min(Capacity(steps, 1), 8192)});");
        Write(w, steps);
        w.Line("return text.ToString();")
         .Close()
         .Line();
    }

    /// <summary>A first guess of the length, so that a typical message needs no reallocation.</summary>
    private static int Capacity(IEnumerable<RenderStep> steps, int repeat) => steps.Sum(step => step switch
    {
        WriteText t => t.Text.Length * repeat,
        WriteValue => 16 * repeat,
        Loop l => Capacity(l.Body, repeat * (repeat == 1 ? 8 : 2)),
        Branch b => System.Math.Max(Capacity(b.Then, repeat), Capacity(b.Else, repeat)),
        _ => 0,
    });

    private static void Write(SourceWriter w, IEnumerable<RenderStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case WriteText t:
                    w.Line($"text.Append({CSharp.Literal(t.Text)});");
                    break;
                case WriteValue { Mode: WriteMode.Plain } v:
                    w.Line($"text.Append({v.Expression});");
                    break;
                case WriteValue { Mode: WriteMode.Html } v:
                    w.Line($"{Output}.AppendHtml(text, {v.Expression});");
                    break;
                case WriteValue v:
                    w.Line($"{Output}.AppendRaw(text, {v.Expression});");
                    break;
                case Branch b:
                    w.Open($"if ({b.Condition})");
                    Write(w, b.Then);
                    w.Close();
                    if (!b.Else.IsEmpty)
                    {
                        w.Open("else");
                        Write(w, b.Else);
                        w.Close();
                    }

                    break;
                case Loop l:
                    WriteLoop(w, l);
                    break;
            }
        }
    }

    private static void WriteLoop(SourceWriter w, Loop loop)
    {
        var n = loop.Number;
        w.Open($"if ({loop.Sequence} is {{ }} items{n})");
        if (loop.UsesLast && loop.CountMember is null)
        {
            // No size known: look one element ahead to know the last.
            w.Line($"using var elements{n} = items{n}.GetEnumerator();")
             .Line($"var index{n} = 0;")
             .Line($"var more{n} = elements{n}.MoveNext();")
             .Open($"while (more{n})")
             .Line($"var item{n} = elements{n}.Current;")
             .Line($"more{n} = elements{n}.MoveNext();")
             .Line($"var last{n} = !more{n};");
            Write(w, loop.Body);
            w.Line($"index{n}++;")
             .Close();
        }
        else
        {
            if (loop.UsesLast)
            {
                w.Line($"var count{n} = items{n}.{loop.CountMember};");
            }

            if (loop.UsesIndex)
            {
                w.Line($"var index{n} = 0;");
            }

            w.Open($"foreach (var item{n} in items{n})");
            if (loop.UsesLast)
            {
                w.Line($"var last{n} = index{n} == count{n} - 1;");
            }

            Write(w, loop.Body);
            if (loop.UsesIndex)
            {
                w.Line($"index{n}++;");
            }

            w.Close();
        }

        w.Close();
    }
}
