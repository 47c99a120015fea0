using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Hello")]
[TextBody("Hello")]
public partial class Greeting
{
    public required string User { get; init; }
    public required string Domain { get; init; }
    [To] public string Address => Join();
    private string Join() => User + "@" + Domain;
}

static class Caller
{
    static Greeting Use() => Greeting.Create().User("ann").Domain("example.com").Build();
}
