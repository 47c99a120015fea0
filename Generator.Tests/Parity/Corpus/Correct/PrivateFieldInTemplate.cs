using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Hello")]
[TextBody("{{greeting}}, {{Name}}")]
public partial class Hello
{
    private readonly string greeting = "Hello";
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

static class Caller
{
    static Hello Use() => Hello.Create().Email("a@example.com").Name("Ann").Build();
}
