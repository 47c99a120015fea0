using TypedMail;

namespace Shop.Billing
{
    [MailMessage(From = "billing@shop.example", Subject = "Notice {{Amount:N2}}")]
    public partial class Notice
    {
        [To] public required string Email { get; init; }
        public decimal Amount { get; init; }
    }
}

namespace Shop.Shipping
{
    [MailMessage(From = "shipping@shop.example", Subject = "Notice {{Carrier}}")]
    public partial class Notice
    {
        [To] public required string Email { get; init; }
        public string Carrier { get; init; } = "";
    }
}
