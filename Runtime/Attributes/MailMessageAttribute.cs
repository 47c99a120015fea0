using System;

namespace TypedMail;

/// <summary>
/// Marks a <see langword="partial"/> class as an e-mail message definition. The source generator writes its fluent
/// builder (<c>Create()</c> … <c>Build()</c>), <c>ToMimeMessage()</c>, its conversion to the message reference
/// and <c>SendAsync</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class MailMessageAttribute : Attribute
{
    /// <summary>The From address list (constant), e.g. <c>"Herb Tarlick &lt;herb@wkrp.com&gt;"</c>.</summary>
    public string? From { get; set; }

    /// <summary>The Sender address (one mailbox).</summary>
    public string? Sender { get; set; }

    /// <summary>Constant Reply-To addresses.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>Constant To addresses, added to the <see cref="ToAttribute"/> members.</summary>
    public string? To { get; set; }

    /// <summary>Constant Cc addresses.</summary>
    public string? Cc { get; set; }

    /// <summary>Constant Bcc addresses (envelope only, never written into the headers).</summary>
    public string? Bcc { get; set; }

    /// <summary>The subject; may hold <c>{{Member}}</c> placeholders.</summary>
    public string? Subject { get; set; }

    /// <summary>The culture used to format placeholder values (e.g. <c>"fr-FR"</c>); invariant when not set.</summary>
    public string? Culture { get; set; }

    /// <summary>
    /// The one-click unsubscribe link (RFC 8058), a template such as <c>"https://example.com/u/{{Token}}"</c>: written as
    /// <c>List-Unsubscribe: &lt;…&gt;</c> with <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>. https only
    /// (TM0023 for any other literal, error 12010 at run time). For a link computed per recipient, use an
    /// <see cref="UnsubscribeAttribute"/> member instead.
    /// </summary>
    public string? Unsubscribe { get; set; }

    /// <summary>An address that unsubscribes by mail, listed in <c>List-Unsubscribe</c> beside the link; a template too.</summary>
    public string? UnsubscribeMailto { get; set; }
}
