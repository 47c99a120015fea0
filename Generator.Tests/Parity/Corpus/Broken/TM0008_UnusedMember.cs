// expect: TM0008
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear customer")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Name("Ann").Build();
}
