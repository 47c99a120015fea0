using TypedMail;

namespace Orders;

/// <summary>An order confirmation: a layout, a footer partial, the order's lines, an optional discount, text and HTML.</summary>
[MailMessage(From = "WKRP Store <store@wkrp.com>", Subject = "Your order {{Number}} is confirmed")]
[TextBody(File = "Mail/OrderConfirmation.txt", Layout = "Mail/_Layout.txt")]
[HtmlBody(File = "Mail/OrderConfirmation.html", Layout = "Mail/_Layout.html")]
public partial class OrderConfirmation
{
    [To] public required string Email { get; init; }

    public required int Number { get; init; }

    public required Customer Customer { get; init; }

    public required IReadOnlyList<OrderLine> Lines { get; init; }

    public decimal? Discount { get; init; }

    public decimal Total => Lines.Sum(l => l.Amount) - (Discount ?? 0m);

    public HtmlString? Signature { get; init; }

    public string Shop { get; init; } = "WKRP Store";
}

/// <summary>Who ordered.</summary>
public sealed record Customer(string Name, string City);

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string Product, int Quantity, decimal Price)
{
    public decimal Amount => Quantity * Price;
}
