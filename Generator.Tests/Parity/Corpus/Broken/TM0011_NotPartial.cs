// expect: TM0011
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}")]
public class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}
