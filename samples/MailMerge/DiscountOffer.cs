using TypedMail;

namespace MailMerge;

/// <summary>
/// The mail merge of 4D's SMTP_Send documentation as a typed message: the constants in the attribute, one member per merge field, and a one-click
/// unsubscribe link per reader (List-Unsubscribe + List-Unsubscribe-Post, RFC 8058) that mailbox providers require of bulk mail.
/// </summary>
[MailMessage(From = "herb_tarlick@wkrp.com", ReplyTo = "bigguy@wkrp.com", Subject = "Discounts on Ad Space!",
    Unsubscribe = "https://wkrp.com/unsubscribe/{{UnsubscribeToken}}", UnsubscribeMailto = "unsubscribe@wkrp.com")]
[TextBody("Dear {{Salutation}},\n{{Offer}}\nCall Herb today!")]
public partial class DiscountOffer
{
    /// <summary>The one recipient of this copy.</summary>
    [To]
    public required string Email { get; init; }

    /// <summary>How the letter greets the reader.</summary>
    public required string Salutation { get; init; }

    /// <summary>The offer made to this reader.</summary>
    public required string Offer { get; init; }

    /// <summary>This reader's token in the one-click unsubscribe link.</summary>
    public required string UnsubscribeToken { get; init; }
}
