using System;

namespace TypedMail.Mailbox.Web.Release;

/// <summary>A release that cannot be attempted as asked (no sender, a bad recipient): a 400 that says why.</summary>
internal sealed class ReleaseRefusedException(string message) : Exception(message);
