using System;
using TypedMail;

[MailMessage(From = "news@example.com", Subject = "News", Unsubscribe = "https://example.com/u/{{Token}}", UnsubscribeMailto = "leave+{{Token}}@example.com")]
[HtmlBody("<p>Dear {{Name}}</p>", TextAlternative = false)]
public partial class News
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public required string Token { get; init; }
    [Unsubscribe] public Uri? Leave { get; init; }
}

static class Caller
{
    static News Use() => News.Create().Email("a@example.com").Name("Ann").Token("t1").Leave(new Uri("https://example.com/leave")).Build();
}
