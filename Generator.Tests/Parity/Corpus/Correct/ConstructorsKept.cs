using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Hi {{Name}}")]
public partial class Hi
{
    public Hi() { }
    public Hi(string email) { Email = email; }
    [To] public string? Email { get; set; }
    public string Name { get; set; } = "";
}

static class Caller
{
    static Hi Use() => Hi.Create().Email("a@example.com").Name("Ann").Build();
    static Hi Direct() => new Hi("a@example.com") { Name = "Ann" };
}
