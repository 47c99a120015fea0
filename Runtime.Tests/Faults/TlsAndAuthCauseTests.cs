using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>
/// A failure while the session opens gets its own cause: a cancelled TLS handshake is 10000 (not 12001), an AUTH
/// refusal in several lines keeps its enhanced status, and a server still answering after a refusal gets QUIT.
/// (A dropped or stalled handshake is in the fault table: 10027 and -10060.)
/// </summary>
public sealed class TlsAndAuthCauseTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CancelledDuringTheTlsHandshake_Is10000_NotACertificateProblem()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromSeconds(20) });
        server.Arm(new Fault(FaultStage.TlsHandshake, FaultKind.Stall));
        await using var sender = new SmtpSender(server.Settings(SessionMode.RequireStartTls, withCredentials: true));
        using var letter = LoopbackServers.Letter();
        using var cancel = new CancellationTokenSource();
        var send = sender.SendAsync(letter, cancel.Token);
        await Eventually.TrueAsync(() => server.Connections.Count == 1 && server.Connections[0].Commands.Contains("STARTTLS"), Bound);

        await cancel.CancelAsync();
        var result = await send.WaitAsync(Bound);

        Assert.Equal(ErrorCodes.Cancelled, result.Code);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task AMultiLine535_KeepsItsStatusAndEnhancedStatus_AndTheSessionEndsWithQuit()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions
        {
            AuthRefusal = "535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8 https://support.example.com/?p=BadCredentials",
        });
        var settings = server.Settings(SessionMode.RequireStartTls, withCredentials: true);
        settings.Password = "not the password";
        await using var sender = new SmtpSender(settings);
        using var letter = LoopbackServers.Letter();

        var result = await sender.SendAsync(letter).WaitAsync(Bound);

        Assert.Equal((535, 535, "5.7.8"), (result.Code, result.SmtpStatus, result.EnhancedStatus));
        Assert.Contains("Username and Password not accepted", result.ServerText, StringComparison.Ordinal);
        Assert.Empty(server.Received);
        await Eventually.TrueAsync(() => server.Connections[0].QuitReceived, Bound);
    }

    [Fact]
    public async Task A454ToAuth_KeepsItsEnhancedStatus_AndTheSessionEndsWithQuit()
    {
        await using var server = ScriptedSmtpServer.Start();
        server.Arm(new Fault(FaultStage.Auth, FaultKind.Transient));
        await using var sender = new SmtpSender(server.Settings(SessionMode.RequireStartTls, withCredentials: true));
        using var letter = LoopbackServers.Letter();

        var result = await sender.SendAsync(letter).WaitAsync(Bound);

        Assert.Equal((454, "4.7.0"), (result.Code, result.EnhancedStatus));
        await Eventually.TrueAsync(() => server.Connections[0].QuitReceived, Bound);
    }
}
