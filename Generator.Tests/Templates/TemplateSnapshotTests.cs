using Microsoft.CodeAnalysis;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Templates;

/// <summary>The straight-line code each template construct becomes.</summary>
public sealed class TemplateSnapshotTests
{
    private const string Head = """
        using System.Collections.Generic;
        using TypedMail;

        namespace Shop.Mail;

        public sealed class Address { public string City { get; set; } = ""; }
        public sealed class Customer { public string? Name { get; set; } public Address? Address { get; set; } public int Points { get; set; } }
        public sealed class Line { public string Product { get; set; } = ""; public decimal Price { get; set; } }

        [MailMessage(From = "shop@example.com", To = "ann@example.com", Subject = "S")]
        """;

    private const string Members = """
        public partial class Order
        {
            public Customer? Customer { get; init; }
            public List<Line> Lines { get; init; } = new();
            public IEnumerable<string>? Tags { get; init; }
            public bool? Express { get; init; }
            public decimal? Discount { get; init; }
            public string? Note { get; init; }
            public HtmlString? Signature { get; init; }
        }
        """;

    [Fact]
    public void Paths() => Snapshot.Verify(Run("""[HtmlBody("{{Customer.Name}} {{Customer.Address.City}} {{Customer.Points:N0}} {{{Signature}}}")]"""));

    [Fact]
    public void Loops() => Snapshot.Verify(Run("""[TextBody("{{#each Lines}}{{@index}} {{Product}} {{Price:0.00}} {{#each ../Tags}}{{this}}{{#unless @last}},{{/unless}}{{/each}}\n{{/each}}")]"""));

    [Fact]
    public void Conditions() => Snapshot.Verify(Run("""[TextBody("{{#if Express}}E{{else}}S{{/if}}{{#if Discount}}D{{/if}}{{#unless Note}}N{{/unless}}{{#if Lines}}L{{/if}}{{#if Tags}}T{{/if}}{{#if Customer}}C{{/if}}")]"""));

    [Fact]
    public void LayoutAndPartial() => Snapshot.Verify(Run(
        """[HtmlBody("<p>{{Note}}</p>\n{{> Mail/_Footer.html}}", Layout = "Mail/_Layout.html")]""",
        new InMemoryAdditionalText("/project/Mail/_Layout.html", "<html>\n{{> body}}\n</html>"),
        new InMemoryAdditionalText("/project/Mail/_Footer.html", "<footer>{{Customer.Name}}</footer>")));

    private static GeneratorDriver Run(string body, params AdditionalText[] files) =>
        GeneratorHarness.Run(GeneratorHarness.Compilation(Head + body + "\n" + Members), files).Driver;
}
