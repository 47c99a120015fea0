using TypedMail;

public class Customer
{
    public required string Name { get; init; }
    [To] public required string Email { get; init; }
}

[MailMessage(From = "shop@example.com", Subject = "Hi {{Name}}")]
[TextBody("Your points: {{Points}}")]
public partial class PointsBalance : Customer
{
    public required int Points { get; init; }
}

static class Caller
{
    static PointsBalance Use() => PointsBalance.Create().Name("Ann").Email("a@example.com").Points(3).Build();
}
