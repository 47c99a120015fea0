using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TypedMail;
using TypedMail.Mailbox;
using TypedMail.Outbox;
using TypedMail.Samples;

namespace MailMerge;

/// <summary>
/// The merge through a durable outbox: every offer is enqueued with the person's idempotency key (one transaction for
/// the whole list), and the delivery worker sends them. Stopped halfway (Ctrl+C, a crash), the next run enqueues
/// nothing twice and the worker sends only what is left.
/// </summary>
internal static class OutboxMerge
{
    public static async Task<int> RunAsync(IReadOnlyList<DiscountOffer> offers, IReadOnlyList<Person> people, string outboxPath, MailboxServer? mailbox, SampleTarget target)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Host"] = mailbox?.Host ?? target.Host,
            ["Port"] = (mailbox?.Port ?? target.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mode"] = mailbox is null ? nameof(SessionMode.RequireStartTls) : nameof(SessionMode.NeverTls),
            ["UserName"] = target.User,
            ["Password"] = target.Password,
        };
        var services = new ServiceCollection();
        services.AddTypedMail(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
                .AddTypedMailOutbox(o =>
                {
                    o.UseSqlite($"Data Source={outboxPath}");
                    o.LeaseDuration = TimeSpan.FromSeconds(20);   // a merge stopped mid-send is resumable 20 s later
                });
        await using var provider = services.BuildServiceProvider();
        var outbox = provider.GetRequiredService<IMailOutbox>();

        var stored = await outbox.EnqueueManyAsync(offers.Select((offer, i) => ((ITypedMailMessage)offer, (EnqueueOptions?)new EnqueueOptions { IdempotencyKey = $"discount-2026-12/{people[i].Email}" })));
        var before = await outbox.CountAsync();
        Console.WriteLine($"Outbox {outboxPath}: {stored} enqueued now, {offers.Count - stored} already there from an earlier run; {before.Sent} of them already sent, {before.Pending + before.Sending} to send.");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var worker = provider.GetRequiredService<IHostedService>();
        await worker.StartAsync(default);
        try
        {
            OutboxCounts counts;
            while ((counts = await outbox.CountAsync()).Pending + counts.Sending > 0 && !stop.IsCancellationRequested)
            {
                Console.Write($"\rSending through the outbox: {counts.Sent} sent, {counts.Pending + counts.Sending} to go   ");
                await Task.Delay(100, stop.Token).ContinueWith(_ => { });
            }
        }
        finally
        {
            await worker.StopAsync(default);
        }

        var after = await outbox.CountAsync();
        Console.WriteLine();
        Console.WriteLine(stop.IsCancellationRequested
            ? $"Stopped: {after.Sent} sent, {after.Pending + after.Sending} left. Run the same command again: it sends only the rest."
            : $"Done: {after.Sent} sent, {after.Failed} failed, {after.Unknown} unknown (see docs/outbox.md).");
        if (mailbox is not null)
        {
            Console.WriteLine($"This run's embedded Mailbox received {mailbox.Messages.Count} messages.");
        }

        return after.Failed + after.Unknown == 0 ? 0 : 1;
    }
}
