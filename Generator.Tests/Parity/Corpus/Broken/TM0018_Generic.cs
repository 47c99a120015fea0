// expect: TM0018
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}")]
public partial class Shipped<T>
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}
