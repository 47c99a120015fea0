// expect: TM0016
using TypedMail;

[MailMessage(From = "news@example.com", To = "a@example.com", Subject = "News")]
[TextBody("Dear reader")]
public partial class News
{
    [Unsubscribe] public string Leave { get; init; } = "";
}

static class Caller
{
    static News Use() => new News();
}
