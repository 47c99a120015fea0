// expect: TM0010
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}")]
public partial class Shipped
{
    [ReplyTo] public string Desk { get; init; } = "desk@example.com";
    public required string Name { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Name("Ann").Build();
}
