using TypedMail;

public abstract class Addressed
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}, your parcel is on its way.")]
public partial class Shipped : Addressed;

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Name("Ann").Build();
}
