using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HandlebarsDotNet;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Templates;

/// <summary>
/// The subset really is Handlebars: each template, compiled by TypedMail's generator and by Handlebars.Net, renders
/// the same HTML for the same inputs (full, empty and null). Deliberate differences are in docs/templates.md.
/// </summary>
public sealed class HandlebarsParityTests : IClassFixture<HandlebarsParityTests.Cases>
{
    public static readonly string[] Templates =
    {
        // values and HTML encoding
        "<p>{{Name}}</p><p>{{Note}}</p>",
        // paths, null along the path
        "{{Customer.Name}} / {{Customer.Address.City}}.",
        // a loop on lines of their own (standalone lines), an element's members, a condition inside
        "<ul>\n  {{#each Lines}}\n  <li>{{Product}} x {{Quantity}}{{#if Gift}} (gift){{/if}}</li>\n  {{/each}}\n</ul>\n",
        // loop variables
        "{{#each Tags}}{{@index}}:{{this}}{{#unless @last}}, {{/unless}}{{/each}}",
        "{{#each Lines}}{{#if @first}}[{{/if}}{{Product}}{{#if @last}}]{{/if}}{{/each}}",
        // the message from inside a loop
        "{{#each Lines}}{{Product}} for {{../Name}};{{/each}}",
        // nested loops
        "{{#each Lines}}{{Product}}({{#each Options}}{{this}}{{#unless @last}}+{{/unless}}{{/each}}) {{/each}}",
        // conditions on bool, bool?, string, sequence, object
        "{{#if Express}}express{{else}}standard{{/if}} {{#unless Express}}slow{{/unless}} {{#if Gift}}gift{{else}}no gift{{/if}}",
        "{{#if Note}}note: {{Note}}{{/if}}|{{#if Lines}}has lines{{else}}no lines{{/if}}|{{#if Customer}}customer{{/if}}|{{#if Tags}}tags{{/if}}",
        // sections on lines of their own, with else, indented
        "<div>\n    {{#if Express}}\n    <b>express</b>\n    {{else}}\n    <i>standard</i>\n    {{/if}}\n</div>\n",
        // comments, escapes, raw HTML
        "{{! not written }}\\{{Name}} {{Name}}{{!-- {{Name}} --}}|{{{Signature}}}",
    };

    private readonly Cases _cases;

    public HandlebarsParityTests(Cases cases) => _cases = cases;

    public static TheoryData<int, string> Inputs()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Templates.Length; i++)
        {
            foreach (var input in new[] { "full", "empty", "nulls" })
            {
                data.Add(i, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TypedMailRendersWhatHandlebarsRenders(int template, string input)
    {
        var handlebars = Handlebars.Create().Compile(Templates[template]);
        var message = _cases.Message(template, Input(input));

        var expected = handlebars(message);
        var actual = CompiledAssembly.Render(message, "TypedMailHtmlBody");

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TheInputsExerciseEveryBranch()
    {
        // Guards the parity cases themselves: the full input renders lines, tags and encoding; the null one renders none.
        var full = CompiledAssembly.Render(_cases.Message(2, Input("full")), "TypedMailHtmlBody");
        Assert.Contains("<li>Tape x 2 (gift)</li>", full, StringComparison.Ordinal);
        Assert.Contains("&lt;Ann&gt;", CompiledAssembly.Render(_cases.Message(0, Input("full")), "TypedMailHtmlBody"), StringComparison.Ordinal);
        Assert.Equal("<ul>\n</ul>\n", CompiledAssembly.Render(_cases.Message(2, Input("nulls")), "TypedMailHtmlBody"));
    }

    internal static ParityModel Input(string name) => name switch
    {
        "full" => new ParityModel
        {
            Name = "<Ann> & \"Bob\" 'the' `builder` = é ü €",
            Customer = new TestCustomer { Name = "Ann & Co", Address = new TestAddress { City = "Cincinnati" } },
            Lines = new List<TestLine>
            {
                new() { Product = "Tape", Quantity = 2, Gift = true, Options = { "red", "<blue>" } },
                new() { Product = "Glue <strong>", Quantity = 1 },
                new() { Product = "Scissors", Quantity = 3, Options = { "left" } },
            },
            Tags = new[] { "x", "<y>", "z" },
            Express = true,
            Gift = true,
            Note = "fragile & heavy",
            Signature = new HtmlString("<b>Herb</b>"),
        },
        "empty" => new ParityModel
        {
            Name = "",
            Customer = new TestCustomer { Name = "", Address = null },
            Lines = new List<TestLine>(),
            Tags = Array.Empty<string>(),
            Gift = false,
            Note = "",
            Signature = new HtmlString(""),
        },
        _ => new ParityModel(),
    };

    /// <summary>Every template as one message class (<c>Case{n} : ParityModel</c>), compiled once.</summary>
    public sealed class Cases : IDisposable
    {
        private readonly CompiledAssembly _compiled;

        public Cases()
        {
            var source = new StringBuilder("using TypedMail;\nusing TypedMail.Generator.Tests.Templates;\nnamespace Parity;\n");
            for (var i = 0; i < Templates.Length; i++)
            {
                source.Append("[MailMessage(From = \"shop@example.com\", Subject = \"Parity\")]\n")
                      .Append("[HtmlBody(").Append(Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(Templates[i], quote: true)).Append(")]\n")
                      .Append("public partial class Case").Append(i).Append(" : ParityModel { }\n");
            }

            _compiled = CompiledAssembly.CompileWithTestModels(new[] { source.ToString() });
        }

        public ParityModel Message(int template, ParityModel input)
        {
            var message = (ParityModel)Activator.CreateInstance(_compiled.Type("Parity.Case" + template))!;
            foreach (var property in typeof(ParityModel).GetProperties())
            {
                property.SetValue(message, property.GetValue(input));
            }

            return message;
        }

        public void Dispose() => _compiled.Dispose();
    }
}
