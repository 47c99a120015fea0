// expect: TM0018
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}, {{Create}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public string Create { get; init; } = "";
}
