using TypedMail;

[MailMessage(From = "herb_tarlick@wkrp.com", ReplyTo = "bigguy@wkrp.com", Subject = "Discounts on Ad Space!")]
[TextBody("Dear {{Salutation}},\n{{Offer}}")]
public partial class DiscountOffer
{
    [To] public required string Email { get; init; }
    public required string Salutation { get; init; }
    public required string Offer { get; init; }
}

[SmtpServer("exchange.example.com", Port = 587, Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login)]
public partial class CompanyRelay;

static class Caller
{
    static DiscountOffer Use() => DiscountOffer.Create().Email("a@example.com").Salutation("Sir").Offer("10%").Build();
    static CompanyRelay Relay(string user, string password) => new CompanyRelay(user, password);
}
