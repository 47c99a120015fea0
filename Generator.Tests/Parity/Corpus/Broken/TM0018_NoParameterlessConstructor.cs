// expect: TM0018
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Name}}")]
public partial class Shipped
{
    public Shipped(string email) { Email = email; }
    [To] public string Email { get; init; }
    public string Name { get; init; } = "";
}
