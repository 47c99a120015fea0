// expect: TM0016
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    [Attachment] public System.DateTime When { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Name("Ann").Build();
}
