using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>
/// The outbox's mark runs after the message's data and before its end-of-data marker: once per transmission, never
/// during a measuring pass, never when the send fails before the data; the bytes sent are the same as without it.
/// </summary>
public sealed class EndOfDataHookTests
{
    private static readonly MailboxAddress From = MailboxAddress.Parse("herb_tarlick@wkrp.com");

    [Fact]
    public async Task TheMarkRunsOnce_AfterTheData_BeforeTheServerHasTheMessage_AndTheBytesAreUnchanged()
    {
        await using var marked = ScriptedSmtpServer.Start();
        await using var plain = ScriptedSmtpServer.Start();
        await using var markedSender = new SmtpSender(marked.Settings(SessionMode.NeverTls));
        await using var plainSender = new SmtpSender(plain.Settings(SessionMode.NeverTls));
        var message = Letter("andy@wkrp.com");
        var seen = new List<(bool DataSent, int Stored)>();

        var result = await markedSender.SendMarkedAsync(message, From, message.To.Mailboxes, _ =>
        {
            seen.Add((marked.Connections.Single().Commands.Contains("DATA"), marked.Received.Count));
            return Task.CompletedTask;
        }, CancellationToken.None);
        var unmarked = await plainSender.SendAsync(message, From, message.To.Mailboxes);

        Assert.Equal((0, 0), (result.Code, unmarked.Code));
        Assert.Equal(new[] { (true, 0) }, seen);
        Assert.Equal(plain.Received.Single().Data, marked.Received.Single().Data);
        Assert.IsType<TextPart>(message.Body);
    }

    [Fact]
    public async Task AMarkThatFails_StopsTheMessageBeforeItsEnd_TheServerStoresNothing_AndTheSenderGoesOn()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        var message = Letter("andy@wkrp.com");

        var result = await sender.SendMarkedAsync(message, From, message.To.Mailboxes, _ => throw new InvalidOperationException("the lease was lost"), CancellationToken.None);
        var next = await sender.SendAsync(Letter("bailey@wkrp.com"));

        Assert.Equal(SendOutcome.NotDelivered, result.Outcome);
        Assert.Contains("the lease was lost", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, next.Code);
        Assert.Equal("bailey@wkrp.com", server.Received.Single().Recipients.Single());
        Assert.Contains(server.Connections[0].Commands, c => c == "DATA");
    }

    [Fact]
    public async Task TheMarkDoesNotRun_WhenEveryRecipientIsRefused()
    {
        await using var server = ScriptedSmtpServer.Start();
        server.Options.RefusedRecipients.Add("nobody@wkrp.com");
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        var message = Letter("nobody@wkrp.com");
        var runs = 0;

        var result = await sender.SendMarkedAsync(message, From, message.To.Mailboxes, _ =>
        {
            runs++;
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(550, result.Code);
        Assert.Equal(0, runs);
        Assert.Empty(server.Received);
    }

    private static MimeMessage Letter(string to)
    {
        var message = new MimeMessage();
        message.From.Add(From);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Thanksgiving promotion";
        message.Body = new TextPart("plain") { Text = "Turkeys away." };
        return message;
    }
}
