using System;

namespace TypedMail.Testing;

/// <summary>
/// A mail assertion of <see cref="OutboxAssertions"/> failed. The message says what was expected and lists every
/// message that was sent. Any test framework reports it as a failure.
/// </summary>
public sealed class MailAssertionException : Exception
{
    /// <summary>An assertion failure with its explanation.</summary>
    /// <param name="message">What was expected, and what was sent.</param>
    public MailAssertionException(string message)
        : base(message)
    {
    }
}
