// expect: TM0006
using TypedMail;

[MailMessage(From = "herb_tarlick", Subject = "Shipped")]
[TextBody("Dear {{Name}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Name("Ann").Build();
}
