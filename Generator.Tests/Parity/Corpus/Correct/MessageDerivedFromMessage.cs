using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "News for {{Name}}")]
[TextBody("Hello {{Name}}")]
public partial class News
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

[MailMessage(From = "shop@example.com", Subject = "Special news for {{Name}}")]
[TextBody("Hello {{Name}}, your code is {{Code}}")]
public partial class SpecialNews : News
{
    public required string Code { get; init; }
}

static class Caller
{
    static News Plain() => News.Create().Email("a@example.com").Name("Ann").Build();
    static SpecialNews Special() => SpecialNews.Create().Email("a@example.com").Name("Ann").Code("X1").Build();
}
