// expect: TM0023
using TypedMail;

[MailMessage(From = "news@example.com", Subject = "News", Unsubscribe = "http://example.com/u/{{Token}}")]
[TextBody("Dear {{Name}}")]
public partial class News
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public required string Token { get; init; }
}

static class Caller
{
    static News Use() => News.Create().Email("a@example.com").Name("Ann").Token("t1").Build();
}
