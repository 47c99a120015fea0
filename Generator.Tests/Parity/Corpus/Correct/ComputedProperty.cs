using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Hello")]
[TextBody("Dear {{FullName}}")]
public partial class Greeting
{
    [To] public required string Email { get; init; }
    public required string First { get; init; }
    public required string Last { get; init; }
    public string FullName => First + " " + Last;
}

static class Caller
{
    static Greeting Use() => Greeting.Create().Email("a@example.com").First("Ann").Last("Lee").Build();
}
