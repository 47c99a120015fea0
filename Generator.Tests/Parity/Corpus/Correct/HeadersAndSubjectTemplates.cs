using TypedMail;

[MailMessage(From = "shop@example.com", Bcc = "archive@example.com", Subject = "Order {{OrderId}} for {{Name}}")]
[Header("X-Campaign", "orders-{{OrderId}}")]
[Header("X-Mailer", "TypedMail")]
public partial class Confirmation
{
    public required int OrderId { get; init; }
    public required string Name { get; init; }
}

static class Caller
{
    static Confirmation Use() => Confirmation.Create().OrderId(7).Name("Ann").Build();
}
