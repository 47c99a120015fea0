using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TypedMail.Mailbox;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>A generated sender sends a typed mail merge to a real SMTP server on loopback (the embedded Mailbox).</summary>
public sealed class MailMergeLiveTests
{
    // Typed user code: the merge is written against the generated API, as an application would write it.
    private const string Merge = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using TypedMail;

        namespace Shop.Mail;

        [SmtpServer("mail.invalid", Port = 2525, Mode = SessionMode.NeverTls, TimeoutSeconds = 20)]
        public partial class LoopbackRelay;

        public static class Campaign
        {
            public static async Task<(IReadOnlyList<SendResult> Results, int ProgressReports)> RunAsync(string host, int port, int count, int badRow = -1)
            {
                var offers = Enumerable.Range(0, count)
                    .Select(i => DiscountOffer.Create().Email(i == badRow ? "not an address" : $"person{i}@wkrp.com").Salutation($"Listener {i}").Offer($"Offer number {i}").Build())
                    .ToList();
                var progress = new Counter();
                await using var relay = new LoopbackRelay(settings => { settings.Host = host; settings.Port = port; });
                var results = await relay.SendManyAsync(offers, progress);
                return (results, progress.Reports);
            }

            private sealed class Counter : IProgress<SendProgress>
            {
                public int Reports;

                public void Report(SendProgress value) => System.Threading.Interlocked.Increment(ref Reports);
            }
        }
        """;

    private const string Single = """
        using System.Threading.Tasks;
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "orders@shop.example", Bcc = "audit@shop.example", Subject = "Order {{Number}}")]
        [HtmlBody("<p>Order {{Number}} for {{Name}}</p>")]
        public partial class Receipt
        {
            [To] public required string Email { get; init; }
            public required string Name { get; init; }
            public int Number { get; init; }

            public static async Task<SendResult> SendAsync(string host, int port)
            {
                using var sender = new SmtpSender(new SmtpSettings { Host = host, Port = port, Mode = SessionMode.NeverTls });
                return await Create().Email("ann@shop.example").Name("Ann & Bob").Number(7).Build().SendAsync(sender);
            }
        }
        """;

    [Fact]
    public async Task OneMessageSentThroughASenderCarriesBccInTheEnvelopeOnly()
    {
        await using var mailbox = await MailboxServer.StartAsync();
        using var compiled = CompiledAssembly.Compile(new[] { Single });

        var result = await ((Task<SendResult>)compiled.Call("Shop.Mail.Receipt", "SendAsync", mailbox.Host, mailbox.Port)!).WaitAsync(TimeSpan.FromSeconds(60));
        var received = await mailbox.WaitForMessageAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded, result.ErrorText);
        Assert.Equal(new[] { "ann@shop.example", "audit@shop.example" }, received.Recipients.Order());
        Assert.Empty(received.Message.Bcc);
        Assert.DoesNotContain("audit@shop.example", System.Text.Encoding.UTF8.GetString(received.RawMime), StringComparison.Ordinal);
        Assert.Equal("Order 7", received.Message.Subject);
        Assert.Contains("<p>Order 7 for Ann &amp; Bob</p>", received.Message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HundredTypedMessagesGoOverOneConnectionEachWithItsOwnRecipientAndValues()
    {
        const int Count = 100;
        await using var mailbox = await MailboxServer.StartAsync();
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.Minimal, Merge });

        var task = (Task<(IReadOnlyList<SendResult> Results, int ProgressReports)>)compiled.Call("Shop.Mail.Campaign", "RunAsync", mailbox.Host, mailbox.Port, Count, -1)!;
        var (results, reports) = await task.WaitAsync(TimeSpan.FromSeconds(60));
        var received = await mailbox.WaitForMessagesAsync(Count, TimeSpan.FromSeconds(30));

        Assert.Equal(Count, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorText));
        Assert.Equal(Count, reports);
        Assert.Equal(Count, received.Count);
        var delivering = mailbox.Sessions.Where(s => s.MessagesReceived > 0).ToList();
        Assert.Single(delivering);
        Assert.Equal(Count, delivering[0].MessagesReceived);
        for (var i = 0; i < Count; i++)
        {
            var message = Assert.Single(received, m => m.Recipients.SequenceEqual(new[] { $"person{i}@wkrp.com" }));
            Assert.Equal($"person{i}@wkrp.com", Assert.Single(message.Message.To.Mailboxes).Address);
            Assert.Equal($"Dear Listener {i},\nOffer number {i}", message.Message.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
            Assert.Equal("Discounts on Ad Space!", message.Message.Subject);
            Assert.Equal("herb_tarlick@wkrp.com", message.MailFrom);
        }
    }

    [Fact]
    public async Task AMessageThatCannotBeRenderedIsReportedAsNotSentAndTheMergeGoesOn()
    {
        const int Count = 5;
        const int BadRow = 2;
        await using var mailbox = await MailboxServer.StartAsync();
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.Minimal, Merge });

        var task = (Task<(IReadOnlyList<SendResult> Results, int ProgressReports)>)compiled.Call("Shop.Mail.Campaign", "RunAsync", mailbox.Host, mailbox.Port, Count, BadRow)!;
        var (results, reports) = await task.WaitAsync(TimeSpan.FromSeconds(60));
        var received = await mailbox.WaitForMessagesAsync(Count - 1, TimeSpan.FromSeconds(30));

        Assert.Equal(Count, results.Count);
        Assert.Equal(Count, reports);
        Assert.Equal(ErrorCodes.InvalidAddress, results[BadRow].Code);
        Assert.False(results[BadRow].Delivered);
        Assert.Contains("not an address", results[BadRow].ErrorText, StringComparison.Ordinal);
        Assert.All(results.Where((_, i) => i != BadRow), r => Assert.True(r.Succeeded, r.ErrorText));
        Assert.Equal(
            Enumerable.Range(0, Count).Where(i => i != BadRow).Select(i => $"person{i}@wkrp.com"),
            received.Select(m => Assert.Single(m.Recipients)).Order(StringComparer.Ordinal));
    }
}
