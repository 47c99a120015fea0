namespace Shop;

// readme:message
using TypedMail;

[MailMessage(From = "shop@example.org", Subject = "Your order {{OrderId}} has shipped")]
[TextBody("Hello {{Name}},\nyour order {{OrderId}} is on its way.")]
public partial class OrderShipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public required int OrderId { get; init; }
}
// end
