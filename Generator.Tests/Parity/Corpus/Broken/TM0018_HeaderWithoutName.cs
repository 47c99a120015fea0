// expect: TM0018
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[Header(null!, "v")]
[TextBody("Dear {{Name}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}
