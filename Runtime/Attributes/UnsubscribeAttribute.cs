using System;

namespace TypedMail;

/// <summary>
/// Marks a <see cref="Uri"/> member as the recipient's one-click unsubscribe link (RFC 8058): written as
/// <c>List-Unsubscribe: &lt;…&gt;</c> with <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>; a null value writes
/// neither. The link must be https (error 12010 when the message is rendered). <see cref="MailMessageAttribute.UnsubscribeMailto"/>
/// adds a <c>mailto:</c> alternative.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class UnsubscribeAttribute : Attribute
{
}
