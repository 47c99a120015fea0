namespace TypedMail.Testing.Tests;

[MailMessage(From = "shop@example.org", Bcc = "audit@example.org", Subject = "Order {{OrderId}} has shipped")]
[TextBody("Hello {{Name}}, order {{OrderId}} is on its way.")]
public partial class OrderShipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public required int OrderId { get; init; }
}

[MailMessage(From = "shop@example.org", Subject = "Welcome")]
[TextBody("Welcome, {{Name}}.")]
public partial class Welcome
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
}

[SmtpServer("smtp.example.org", Port = 587)]
public partial class ShopRelay
{
}
