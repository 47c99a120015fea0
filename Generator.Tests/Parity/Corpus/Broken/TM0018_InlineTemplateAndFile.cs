// expect: TM0018
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}", File = "Mail/shipped.txt")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}
