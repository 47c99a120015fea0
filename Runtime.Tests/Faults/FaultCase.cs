using System;
using System.Collections.Generic;
using System.Linq;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>One row of the fault table: a fault, the code it must give, and what the server must have received.</summary>
/// <param name="Name">The row's name.</param>
/// <param name="Fault">The fault armed, if any.</param>
/// <param name="Codes">The accepted codes (one, except where the platform decides between equivalent network codes).</param>
/// <param name="Received">How many messages the server must have stored.</param>
/// <param name="Mode">The session mode.</param>
/// <param name="WithCredentials">Whether the send authenticates.</param>
/// <param name="Configure">Server options for the row.</param>
/// <param name="Large">Whether the message is large enough (8 MiB, against a server receive buffer capped at 64 KiB and a client send buffer of at most 4 MiB) that a drop during DATA breaks the client's write.</param>
internal sealed record FaultCase(string Name, Fault? Fault, int[] Codes, int Received, SessionMode Mode = SessionMode.RequireStartTls,
    bool WithCredentials = true, Action<ScriptedServerOptions>? Configure = null, bool Large = false)
{
    /// <summary>The reply timeout of every row, in seconds; stalls last twice as long.</summary>
    public const int TimeoutSeconds = 2;

    /// <summary>No row may take longer than this (a stall is bounded by the timeout, not by the stall).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly int[] Lost = { ErrorCodes.ConnectionLost };
    private static readonly int[] Timeout = { ErrorCodes.TimedOut };

    /// <summary>A drop while a large message is being written: the write fails (reset or broken pipe) or the end is never read.</summary>
    private static readonly int[] BrokenWrite = { ErrorCodes.ConnectionLost, ErrorCodes.ConnectionReset, -(int)System.Net.Sockets.SocketError.Shutdown, -(int)System.Net.Sockets.SocketError.ConnectionAborted, ErrorCodes.TimedOut };

    public static IReadOnlyList<FaultCase> All { get; } = Build();

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static FaultCase Named(string name) => All.Single(c => c.Name == name);

    private static List<FaultCase> Build()
    {
        var rows = new List<FaultCase>
        {
            new("no fault", null, new[] { ErrorCodes.NoError }, 1),
        };
        foreach (var stage in new[] { FaultStage.Connect, FaultStage.Ehlo, FaultStage.StartTls, FaultStage.Auth, FaultStage.Mail, FaultStage.Rcpt, FaultStage.Data })
        {
            rows.Add(new($"drop at {stage}", new Fault(stage, FaultKind.Drop), Lost, 0));
            rows.Add(new($"4xx at {stage}", new Fault(stage, FaultKind.Transient), new[] { new Fault(stage, FaultKind.Transient).ReplyCode }, 0));
            rows.Add(new($"5xx at {stage}", new Fault(stage, FaultKind.Permanent), new[] { new Fault(stage, FaultKind.Permanent).ReplyCode }, 0));
            rows.Add(new($"stall at {stage}", new Fault(stage, FaultKind.Stall), Timeout, 0));
        }

        rows.Add(new("drop during DATA", new Fault(FaultStage.DuringData, FaultKind.Drop), BrokenWrite, 0, Large: true));
        rows.Add(new("stall during DATA", new Fault(FaultStage.DuringData, FaultKind.Stall), BrokenWrite, 0, Large: true));
        rows.Add(new("drop after the final dot", new Fault(FaultStage.AfterDot, FaultKind.Drop), new[] { ErrorCodes.OutcomeUnknown }, 1));
        rows.Add(new("4xx after the final dot", new Fault(FaultStage.AfterDot, FaultKind.Transient), new[] { 451 }, 0));
        rows.Add(new("5xx after the final dot", new Fault(FaultStage.AfterDot, FaultKind.Permanent), new[] { 554 }, 0));
        rows.Add(new("stall after the final dot", new Fault(FaultStage.AfterDot, FaultKind.Stall), new[] { ErrorCodes.OutcomeUnknown }, 1));
        rows.Add(new("drop during the TLS handshake", new Fault(FaultStage.TlsHandshake, FaultKind.Drop), Lost, 0));
        rows.Add(new("stall during the TLS handshake", new Fault(FaultStage.TlsHandshake, FaultKind.Stall), Timeout, 0));
        rows.Add(new("TLS handshake failure", null, new[] { ErrorCodes.TlsHandshakeFailed }, 0, Configure: o => o.BreakTlsHandshake = true));
        rows.Add(new("STARTTLS stripped, mode 3", null, new[] { ErrorCodes.StartTlsNotOffered }, 0, Configure: o => o.OfferStartTls = false));
        rows.Add(new("STARTTLS stripped, mode 0 with credentials", null, new[] { ErrorCodes.StartTlsNotOffered }, 0, SessionMode.Upgradable,
            Configure: o => { o.OfferStartTls = false; o.OfferAuthInClear = true; }));
        rows.Add(new("STARTTLS stripped, mode 0 without credentials", null, new[] { ErrorCodes.NoError }, 1, SessionMode.Upgradable, WithCredentials: false,
            Configure: o => o.OfferStartTls = false));
        rows.Add(new("STARTTLS offered then refused, mode 0", new Fault(FaultStage.StartTls, FaultKind.Transient), new[] { 454 }, 0, SessionMode.Upgradable));
        return rows;
    }
}
