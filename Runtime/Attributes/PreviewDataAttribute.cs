using System;

namespace TypedMail;

/// <summary>
/// Marks a <see langword="static"/> method (without parameters), property or field that returns sample instances of a
/// <c>[MailMessage]</c> class: one message, or a sequence of them. The <c>typedmail-mailbox</c> developer inbox renders
/// each sample on its Previews page without sending anything. The member is ordinary C#, so a sample that no longer
/// fits its message class is a build error.
/// </summary>
/// <example>
/// <code>
/// public static class DiscountOfferPreviews
/// {
///     [PreviewData("Half price")]
///     public static DiscountOffer HalfPrice() =&gt;
///         DiscountOffer.Create().Email("jennifer.marlowe@wkrp.com").Salutation("Ms. Marlowe").Offer("50% off").Build();
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class PreviewDataAttribute : Attribute
{
    /// <summary>A preview named after the member.</summary>
    public PreviewDataAttribute()
    {
    }

    /// <summary>A preview with a name of its own.</summary>
    /// <param name="name">The name shown on the Previews page.</param>
    public PreviewDataAttribute(string name) => Name = name;

    /// <summary>The name shown on the Previews page; <see langword="null"/> shows the member's name.</summary>
    public string? Name { get; }
}
