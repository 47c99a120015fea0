using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Receipt {{Number}}")]
[TextBody("Receipt {{Number:D6}} for {{Email}}")]
public partial record Receipt
{
    [To] public required string Email { get; init; }
    public required int Number { get; init; }
}

static class Caller
{
    static Receipt Use() => Receipt.Create().Email("a@example.com").Number(42).Build();
}
