using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Hi {{Name}}")]
public partial class Hi
{
    public const string Kind = "greeting";
    public static string Shared { get; set; } = "";
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

static class Caller
{
    static Hi Use() => Hi.Create().Email("a@example.com").Name("Ann").Build();
}
