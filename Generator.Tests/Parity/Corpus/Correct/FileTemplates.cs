// file: /src/Shop/Mail/Order.TXT => Hello {{Name}},\nshipped on {{ShippedAt:d}}.
// file: /src/Shop/Mail/order.html => <p>Hello {{Name}}</p>
using System;
using TypedMail;

[MailMessage(From = "Shop <shop@example.com>", Subject = "Your order")]
[TextBody(File = "Mail/order.txt")]
[HtmlBody(File = "/Mail\\order.html")]
public partial class OrderShipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public required DateTime ShippedAt { get; init; }
}

static class Caller
{
    static OrderShipped Use() => OrderShipped.Create().Email("a@example.com").Name("Ann").ShippedAt(DateTime.UnixEpoch).Build();
}
