namespace TypedMail.Definitions.Model;

/// <summary>The constants of <c>[MailMessage]</c>.</summary>
/// <param name="Culture">A culture name that exists, or <see langword="null"/> (invariant).</param>
internal sealed record MessageConstants(
    string? From,
    string? Sender,
    string? ReplyTo,
    string? To,
    string? Cc,
    string? Bcc,
    string? Culture);

/// <summary>Everything the emitter needs to write one message class: strings, bools, enums and equatable arrays only.</summary>
/// <param name="Type">Where the class lives.</param>
/// <param name="Constants">The constant addresses and culture.</param>
/// <param name="Subject">The subject template, if any.</param>
/// <param name="TextBody">The text body template, if any.</param>
/// <param name="HtmlBody">The HTML body template, if any.</param>
/// <param name="Headers">The <c>[Header]</c> attributes, in order.</param>
/// <param name="Members">The members (base types first), in declaration order.</param>
/// <param name="HasParameterlessConstructor">The user declared a parameterless constructor (else one is generated).</param>
/// <param name="HidesBaseMessage">A base class is a message too: the generated public members are declared <c>new</c>.</param>
/// <param name="Shapes">The shapes templates bind against: the class and every type its members reach.</param>
internal sealed record MessageSpec(
    TypeIdentity Type,
    MessageConstants Constants,
    TemplateSpec? Subject,
    TemplateSpec? TextBody,
    TemplateSpec? HtmlBody,
    EquatableArray<HeaderSpec> Headers,
    EquatableArray<MemberSpec> Members,
    bool HasParameterlessConstructor,
    bool HidesBaseMessage,
    TypedMail.Definitions.TemplateBinding.TypeCatalog Shapes)
{
    /// <summary>The <c>[MailMessage(Unsubscribe = ...)]</c> link template (RFC 8058 one-click, https), or <see langword="null"/>.</summary>
    public TemplateSpec? Unsubscribe { get; init; }

    /// <summary>The <c>[MailMessage(UnsubscribeMailto = ...)]</c> address template, or <see langword="null"/>.</summary>
    public TemplateSpec? UnsubscribeMailto { get; init; }

    /// <summary><c>[HtmlBody(TextAlternative = false)]</c> turns the generated plain-text alternative off.</summary>
    public bool TextAlternative { get; init; } = true;

    /// <summary>Every template of the class: subject, bodies, header values, unsubscribe link and address.</summary>
    public System.Collections.Generic.IEnumerable<TemplateSpec> Templates
    {
        get
        {
            if (Subject is not null)
            {
                yield return Subject;
            }

            if (TextBody is not null)
            {
                yield return TextBody;
            }

            if (HtmlBody is not null)
            {
                yield return HtmlBody;
            }

            foreach (var header in Headers)
            {
                yield return header.Value;
            }

            if (Unsubscribe is not null)
            {
                yield return Unsubscribe;
            }

            if (UnsubscribeMailto is not null)
            {
                yield return UnsubscribeMailto;
            }
        }
    }
}
