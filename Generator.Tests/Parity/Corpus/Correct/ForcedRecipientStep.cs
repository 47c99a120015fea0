using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "News")]
[TextBody("News for {{Name}}")]
public partial class News
{
    [To] public string? Email { get; set; }
    public string Name { get; set; } = "reader";
}

static class Caller
{
    static News Use(string address) => News.Create().Email(address).Name("Ann").Build();
}
