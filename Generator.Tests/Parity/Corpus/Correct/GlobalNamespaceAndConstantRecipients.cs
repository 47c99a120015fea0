using TypedMail;

[MailMessage(From = "ping@example.com", To = "ops@example.com", Cc = "dev@example.com", Subject = "Ping")]
[TextBody("Ping")]
public partial class Ping;

static class Caller
{
    static Ping Use() => Ping.Create().Build();
}
