namespace TypedMail.Generator.Tests.Templates;

/// <summary>An order confirmation using every construct: paths, loops, conditions, a layout and a partial.</summary>
internal static class TemplateInputs
{
    public const string Order = """
        using System.Collections.Generic;
        using TypedMail;
        using TypedMail.Generator.Tests.Templates;

        namespace Shop.Mail;

        [MailMessage(From = "shop@example.com", Subject = "Order {{Number}} for {{Customer.Name}}", Culture = "fr-FR")]
        [TextBody("{{#each Lines}}{{@index}}. {{Product}} x{{Quantity}}\n{{/each}}", Layout = "Mail/_Layout.txt")]
        [HtmlBody(File = "Mail/Order.html", Layout = "Mail/_Layout.html")]
        public partial class OrderConfirmation
        {
            [To] public string Email { get; init; } = "";
            public int Number { get; init; }
            public TestCustomer? Customer { get; init; }
            public List<TestLine>? Lines { get; init; }
            public IEnumerable<string>? Tags { get; init; }
            public decimal? Discount { get; init; }
            public bool? Express { get; init; }
            public string? Note { get; init; }
            public HtmlString? Signature { get; init; }
            public string Shop { get; init; } = "";
        }
        """;

    public const string OrderHtml = """
        <h1>Order {{Number}}</h1>
        <p>Dear {{Customer.Name}} from {{Customer.Address.City}}</p>
        <table>
          {{#each Lines}}
          <tr class="{{#if @first}}first{{/if}}{{#if @last}} last{{/if}}"><td>{{@index}}</td><td>{{Product}}</td><td>{{Price:0.00}}</td><td>{{Shop}} #{{../Number}}</td></tr>
          {{/each}}
        </table>
        {{#unless Lines}}<p>No lines.</p>{{/unless}}
        {{#if Discount}}<p>Discount: {{Discount:0.00}}</p>{{else}}<p>No discount.</p>{{/if}}
        {{#if Express}}<p>Express</p>{{/if}}
        {{#if Note}}<p>{{Note}}</p>{{/if}}
        <p>Tags: {{#each Tags}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}</p>
        {{{Signature}}}
        {{> Mail/_Footer.html}}
        """;

    public const string LayoutHtml = "<html><body>\n{{> body}}\n</body></html>";

    public const string LayoutText = "{{Shop}}\n----\n{{> body}}\n-- \n{{> Mail/_Footer.txt}}";

    public const string FooterHtml = "<footer>{{Shop}} &copy; {{Number}}</footer>\n";

    public const string FooterText = "{{Shop}}, order {{Number}}";

    public static InMemoryAdditionalTextSet Files() => new()
    {
        ("/project/Mail/Order.html", OrderHtml),
        ("/project/Mail/_Layout.html", LayoutHtml),
        ("/project/Mail/_Layout.txt", LayoutText),
        ("/project/Mail/_Footer.html", FooterHtml),
        ("/project/Mail/_Footer.txt", FooterText),
    };
}
