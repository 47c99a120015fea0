using System;
using System.Collections.Generic;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>What the scripted server offers and refuses.</summary>
internal sealed class ScriptedServerOptions
{
    public bool OfferStartTls { get; set; } = true;

    /// <summary>Answers STARTTLS with 220 and then a fatal TLS alert (handshake_failure) instead of a ServerHello.</summary>
    public bool BreakTlsHandshake { get; set; }

    public bool OfferPipelining { get; set; } = true;

    public bool OfferSmtpUtf8 { get; set; }

    /// <summary>Offers 8BITMIME (a server without it must receive 7-bit data only).</summary>
    public bool Offer8BitMime { get; set; } = true;

    /// <summary>Offers AUTH PLAIN LOGIN (after STARTTLS only, unless <see cref="OfferAuthInClear"/>).</summary>
    public bool OfferAuth { get; set; } = true;

    public bool OfferAuthInClear { get; set; }

    public string User { get; set; } = LoopbackServers.User;

    public string Password { get; set; } = LoopbackServers.Password;

    /// <summary>How long a stall or a slow reply lasts.</summary>
    public TimeSpan Stall { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// When set, a slow reply waits until this condition holds (at most <see cref="LoopbackServers.Patience"/>) instead
    /// of for <see cref="Stall"/>: a test that needs connections busy at once waits on that event, not on a clock that a
    /// loaded machine outruns.
    /// </summary>
    public Func<ScriptedSmtpServer, bool>? SlowUntil { get; set; }

    /// <summary>
    /// Caps the server's socket receive buffer, or <see langword="null"/> for the system's. Linux grows a loopback receive
    /// buffer up to tcp_rmem's maximum (32 MiB here), so a server that stops reading only blocks the client's write
    /// reliably when the buffer is capped.
    /// </summary>
    public int? ReceiveBufferBytes { get; set; }

    /// <summary>MAIL FROM addresses refused with 550.</summary>
    public HashSet<string> RefusedSenders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>RCPT TO addresses refused with 550.</summary>
    public HashSet<string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>More connections at once than this are greeted with 421 "too many connections" and closed (0: no limit).</summary>
    public int MaxConcurrentConnections { get; set; }

    /// <summary>Cuts every reply into pieces written apart (the fragmentation mode), or null to write each reply at once.</summary>
    public ReplyFragmenter? Fragmenter { get; set; }

    /// <summary>The reply to wrong credentials; lines separated by CRLF make a multi-line reply (e.g. Gmail's "535-5.7.8 …").</summary>
    public string AuthRefusal { get; set; } = "535 5.7.8 Authentication credentials invalid";

    /// <summary>The SIZE announced in EHLO; a larger message is refused with 552 after its data (SIZE= is not checked).</summary>
    public long AnnouncedSize { get; set; } = 100_000_000;

    /// <summary>DATA refused with this reply (e.g. "552 5.3.4 Too big").</summary>
    public string? DataRefusal { get; set; }
}
