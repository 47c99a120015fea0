using System;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>Where in the SMTP conversation a fault strikes.</summary>
internal enum FaultStage
{
    /// <summary>Instead of the greeting.</summary>
    Connect,
    /// <summary>At EHLO (and the HELO MailKit falls back to).</summary>
    Ehlo,
    /// <summary>At STARTTLS.</summary>
    StartTls,
    /// <summary>During the TLS handshake, after the 220 to STARTTLS (a drop or a stall; refusals do not apply).</summary>
    TlsHandshake,
    /// <summary>At AUTH.</summary>
    Auth,
    /// <summary>At MAIL FROM.</summary>
    Mail,
    /// <summary>At RCPT TO.</summary>
    Rcpt,
    /// <summary>At the DATA command.</summary>
    Data,
    /// <summary>While the message data arrives, before its end.</summary>
    DuringData,
    /// <summary>After the end-of-data marker, before the reply (the server has stored the message when it drops or stalls).</summary>
    AfterDot,
}

/// <summary>What a fault does.</summary>
internal enum FaultKind
{
    /// <summary>Close the connection without a reply.</summary>
    Drop,
    /// <summary>A transient refusal (4xx).</summary>
    Transient,
    /// <summary>A permanent refusal (5xx).</summary>
    Permanent,
    /// <summary>Say nothing for <see cref="ScriptedServerOptions.Stall"/>, then close.</summary>
    Stall,
    /// <summary>Wait <see cref="ScriptedServerOptions.Stall"/>, then answer normally (a slow server, not a broken one).</summary>
    Slow,
    /// <summary>421 "closing connection" (a server that closes an idle or overloaded connection), then close.</summary>
    Closing,
}

/// <summary>One fault, fired once at the first place it matches.</summary>
internal sealed record Fault(FaultStage Stage, FaultKind Kind)
{
    /// <summary>The reply for a refusal at this stage.</summary>
    public string Reply => (Stage, Kind) switch
    {
        (_, FaultKind.Closing) => "421 4.4.2 Idle too long, closing connection",
        (FaultStage.Connect, FaultKind.Transient) => "421 4.3.2 Service not available, closing channel",
        (FaultStage.Connect, _) => "554 5.3.2 No SMTP service here",
        (FaultStage.Ehlo, FaultKind.Transient) => "421 4.3.2 Try again later",
        (FaultStage.Ehlo, _) => "550 5.7.1 Go away",
        (FaultStage.StartTls, FaultKind.Transient) => "454 4.7.0 TLS not available due to temporary reason",
        (FaultStage.StartTls, _) => "554 5.7.0 TLS refused",
        (FaultStage.Auth, FaultKind.Transient) => "454 4.7.0 Temporary authentication failure",
        (FaultStage.Auth, _) => "535 5.7.8 Authentication credentials invalid",
        (FaultStage.Mail, FaultKind.Transient) => "451 4.3.0 Sender temporarily refused",
        (FaultStage.Mail, _) => "550 5.7.1 Sender refused",
        (FaultStage.Rcpt, FaultKind.Transient) => "450 4.2.1 Mailbox busy",
        (FaultStage.Rcpt, _) => "550 5.1.1 No such user",
        (FaultStage.Data, FaultKind.Transient) => "451 4.3.0 DATA temporarily refused",
        (FaultStage.Data, _) => "554 5.5.1 DATA refused",
        (_, FaultKind.Transient) => "451 4.3.0 Message temporarily refused",
        _ => "554 5.6.0 Message refused",
    };

    /// <summary>The reply code of <see cref="Reply"/>.</summary>
    public int ReplyCode => int.Parse(Reply.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Kind} at {Stage}";
}
