// expect: TM0019
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped", Culture = "en_US")]
[TextBody("Dear {{Name}}, {{Total:C}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public decimal Total { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Name("Ann").Build();
}
