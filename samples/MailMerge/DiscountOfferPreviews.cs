using TypedMail;

namespace MailMerge;

/// <summary>
/// Sample offers for the Previews page of the developer inbox (<c>typedmail-mailbox --previews MailMerge.dll</c>).
/// Ordinary C# on the generated builder: a change to <see cref="DiscountOffer"/> that they no longer fit breaks the build.
/// </summary>
public static class DiscountOfferPreviews
{
    /// <summary>The biggest discount of the mailing list.</summary>
    [PreviewData("Half price")]
    public static DiscountOffer HalfPrice() => Offer("jennifer.marlowe@wkrp.com", "Ms. Marlowe", 50);

    /// <summary>A few readers with their own salutations and discounts.</summary>
    [PreviewData("Mailing list")]
    public static IEnumerable<DiscountOffer> MailingList =>
    [
        Offer("venus.flytrap@wkrp.com", "Dr. Flytrap", 30),
        Offer("arthur.carlson@wkrp.com", "Mr. Carlson", 10),
    ];

    private static DiscountOffer Offer(string email, string salutation, int discount) =>
        DiscountOffer.Create()
            .Email(email)
            .Salutation(salutation)
            .Offer($"For a limited time, WKRP is offering {discount}% off all drive-time ad spots.")
            .UnsubscribeToken("preview")
            .Build();
}
