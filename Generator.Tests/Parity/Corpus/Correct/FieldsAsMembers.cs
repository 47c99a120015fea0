using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Fields {{Name}}")]
public partial class WithFields
{
    [To] public string Email = "";
    public string Name = "";
}

static class Caller
{
    static WithFields Use() => WithFields.Create().Email("a@example.com").Name("Ann").Build();
}
