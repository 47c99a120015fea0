namespace TypedMail.Benchmarks;

/// <summary>The mail-merge letter of 4D's SMTP_Send documentation, as users write it.</summary>
[MailMessage(From = "Herb Tarlick <herb_tarlick@wkrp.com>", ReplyTo = "bigguy@wkrp.com", Subject = "Discounts on Ad Space, {{Salutation}}!")]
[TextBody("Dear {{Salutation}},\n{{Offer}}\nYour discount: {{Discount:P0}} until {{Until:yyyy-MM-dd}}.\nCall Herb today!")]
[HtmlBody("<p>Dear {{Salutation}},</p><p>{{Offer}}</p><p>Your discount: <b>{{Discount:P0}}</b> until {{Until:yyyy-MM-dd}}.</p>")]
public partial class DiscountLetter
{
    [To]
    public required string Email { get; init; }

    public required string Salutation { get; init; }

    public required string Offer { get; init; }

    public required decimal Discount { get; init; }

    public required DateTime Until { get; init; }
}
