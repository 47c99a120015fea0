using TypedMail;

namespace TypedMail.Outbox.Tests;

[MailMessage(From = "shop@example.org", Bcc = "audit@example.org", Subject = "Order {{OrderId}} confirmed")]
[TextBody("Hello {{Name}}, order {{OrderId}} is confirmed.")]
public partial class OrderConfirmation
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public required int OrderId { get; init; }

    /// <summary>The confirmation of order <paramref name="id"/> for customer <paramref name="id"/>.</summary>
    public static OrderConfirmation For(int id) =>
        Create().Email($"customer{id}@example.com").Name($"Customer {id}").OrderId(id).Build();
}
