// expect: TM0016
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("{{Count}} parcels")]
public partial class Shipped
{
    [To] public int Count { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Count(2).Build();
}
