using System;

namespace TypedMail;

/// <summary>
/// The member holds Bcc recipients: a <see cref="string"/> (an address list), an
/// <see cref="System.Collections.Generic.IEnumerable{T}"/> of strings, or a MimeKit <c>MailboxAddress</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class BccAttribute : Attribute
{
}
