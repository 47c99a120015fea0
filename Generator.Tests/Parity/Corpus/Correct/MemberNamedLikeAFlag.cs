using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Flags")]
[TextBody("{{Name}} {{NameIsSet}}")]
public partial class Flags
{
    [To] public string? Email { get; set; }
    public string? Name { get; set; }
    public bool NameIsSet { get; set; }
}

static class Caller
{
    static Flags Use() => Flags.Create().Email("a@example.com").Name("Ann").NameIsSet(true).Build();
}
