namespace TypedMail.Benchmarks.Templates;

/// <summary>The same order confirmation in each engine's language; every one renders the same HTML (checked at setup).</summary>
public static class OrderTemplates
{
    /// <summary>TypedMail's template, which is also Handlebars.</summary>
    public const string Handlebars = """
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>Order {{Number}}</title></head>
        <body style="font-family: sans-serif">
        <h1>Thank you for your order, {{Customer.Name}}!</h1>
        <p>Order <b>{{Number}}</b> goes to {{Customer.Street}}, {{Customer.City}}.</p>
        <table>
        <tr><th>#</th><th>Product</th><th>Quantity</th><th>Price</th></tr>
        {{#each Lines}}
        <tr><td>{{@index}}</td><td>{{Product}}</td><td>{{Quantity}}</td><td>{{Price}}</td></tr>
        {{/each}}
        </table>
        {{#if HasDiscount}}
        <p>Discount: {{Discount}}</p>
        {{/if}}
        <p>Total: <b>{{Total}}</b></p>
        <p>{{Shop}}: {{Note}}</p>
        </body>
        </html>
        """;

    /// <summary>Liquid, as Fluid (FluentEmail's engine) reads it.</summary>
    public const string Liquid = """
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>Order {{ Number }}</title></head>
        <body style="font-family: sans-serif">
        <h1>Thank you for your order, {{ Customer.Name }}!</h1>
        <p>Order <b>{{ Number }}</b> goes to {{ Customer.Street }}, {{ Customer.City }}.</p>
        <table>
        <tr><th>#</th><th>Product</th><th>Quantity</th><th>Price</th></tr>
        {%- for line in Lines %}
        <tr><td>{{ forloop.index0 }}</td><td>{{ line.Product }}</td><td>{{ line.Quantity }}</td><td>{{ line.Price }}</td></tr>
        {%- endfor %}
        </table>
        {%- if HasDiscount %}
        <p>Discount: {{ Discount }}</p>
        {%- endif %}
        <p>Total: <b>{{ Total }}</b></p>
        <p>{{ Shop }}: {{ Note }}</p>
        </body>
        </html>
        """;

    /// <summary>Razor, as RazorLight reads it.</summary>
    public const string Razor = """
        @inherits RazorLight.TemplatePage<TypedMail.Benchmarks.Templates.OrderConfirmationMail>
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>Order @Model.Number</title></head>
        <body style="font-family: sans-serif">
        <h1>Thank you for your order, @Model.Customer.Name!</h1>
        <p>Order <b>@Model.Number</b> goes to @Model.Customer.Street, @Model.Customer.City.</p>
        <table>
        <tr><th>#</th><th>Product</th><th>Quantity</th><th>Price</th></tr>
        @for (var i = 0; i < Model.Lines.Count; i++)
        {
        <tr><td>@i</td><td>@Model.Lines[i].Product</td><td>@Model.Lines[i].Quantity</td><td>@Model.Lines[i].Price</td></tr>
        }
        </table>
        @if (Model.HasDiscount)
        {
        <p>Discount: @Model.Discount</p>
        }
        <p>Total: <b>@Model.Total</b></p>
        <p>@Model.Shop: @Model.Note</p>
        </body>
        </html>
        """;
}
