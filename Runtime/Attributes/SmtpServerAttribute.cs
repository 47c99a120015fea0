using System;

namespace TypedMail;

/// <summary>
/// Marks a <see langword="partial"/> class as an SMTP server definition. The source generator writes a sender with
/// these constants baked in; credentials and other options are given at run time, never as literals.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SmtpServerAttribute : Attribute
{
    /// <summary>A server.</summary>
    /// <param name="host">The host name or address.</param>
    public SmtpServerAttribute(string host) => Host = host;

    /// <summary>The host name or address.</summary>
    public string Host { get; }

    /// <summary>The port; 0 (the default) means the mode's default port: 25, 465, 25 or 587.</summary>
    public int Port { get; set; }

    /// <summary>The session mode.</summary>
    public SessionMode Mode { get; set; } = SessionMode.Upgradable;

    /// <summary>The AUTH mechanism. Setting it means the server requires authentication.</summary>
    public AuthMode Auth { get; set; } = AuthMode.Default;

    /// <summary>The timeout of the connection and of each server reply, 1..127 seconds.</summary>
    public int TimeoutSeconds { get; set; } = SmtpDefaults.TimeoutSeconds;
}
