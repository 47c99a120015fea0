namespace TypedMail.Benchmarks.Templates;

/// <summary>The order confirmation every engine renders: TypedMail renders it with generated code.</summary>
[MailMessage(From = "shop@example.com", Subject = "Your order {{Number}}")]
[HtmlBody(OrderTemplates.Handlebars)]
public partial class OrderConfirmationMail
{
    [To]
    public string Email { get; init; } = "";

    public int Number { get; init; }

    public Customer Customer { get; init; } = new();

    public List<OrderLine> Lines { get; init; } = new();

    public bool HasDiscount { get; init; }

    public decimal Discount { get; init; }

    public decimal Total { get; init; }

    public string Shop { get; init; } = "";

    public string Note { get; init; } = "";

    /// <summary>The generated rendering method, reached from this half of the partial class.</summary>
    public string RenderHtml() => TypedMailHtmlBody();

    /// <summary>An order of <paramref name="lines"/> lines, with names that need HTML encoding.</summary>
    public static OrderConfirmationMail Sample(int lines)
    {
        var items = Enumerable.Range(1, lines)
            .Select(i => new OrderLine { Product = $"Widget #{i} <large> & shiny", Quantity = i % 3 + 1, Price = 9.5m + i })
            .ToList();
        return new OrderConfirmationMail
        {
            Email = "ann@example.com",
            Number = 104729,
            Customer = new Customer { Name = "Ann & Bob O'Hara", Street = "1 Main Street", City = "Cincinnati" },
            Lines = items,
            HasDiscount = true,
            Discount = 5.25m,
            Total = items.Sum(l => l.Price * l.Quantity) - 5.25m,
            Shop = "WKRP Store",
            Note = "Thank you for shopping with us <3",
        };
    }
}

/// <summary>Who ordered.</summary>
public sealed class Customer
{
    public string Name { get; init; } = "";

    public string Street { get; init; } = "";

    public string City { get; init; } = "";
}

/// <summary>One line of the order.</summary>
public sealed class OrderLine
{
    public string Product { get; init; } = "";

    public int Quantity { get; init; }

    public decimal Price { get; init; }
}
