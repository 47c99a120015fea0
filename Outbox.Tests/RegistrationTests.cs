using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TypedMail.Outbox.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task AddTypedMailOutbox_RunsTheWorkerAsAHostedService_ThatAnEnqueueWakesAtOnce()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        var directory = Directory.CreateTempSubdirectory("typedmail-outbox-di-").FullName;
        var services = new ServiceCollection();
        services.AddTypedMail(Settings(server.Port))
                .AddTypedMailOutbox(o => { o.UseSqlite($"Data Source={Path.Combine(directory, "mail-outbox.db")}"); o.PollInterval = TimeSpan.FromMinutes(10); });
        await using var provider = services.BuildServiceProvider();
        var worker = Assert.Single(provider.GetServices<IHostedService>());
        await worker.StartAsync(default);
        try
        {
            var outbox = provider.GetRequiredService<IMailOutbox>();
            await outbox.EnqueueAsync(OrderConfirmation.For(2));
            await server.WaitForMessageAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(1));   // the worker's next round finds nothing and it goes to sleep

            var entry = await outbox.EnqueueAsync(OrderConfirmation.For(3));

            // The poll interval is ten minutes: only the enqueue's wake-up can deliver this in time.
            var received = await server.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
            Assert.Equal(entry.MessageId, received[1].Message.MessageId);
        }
        finally
        {
            await worker.StopAsync(default);
        }
    }

    [Fact]
    public void RunDeliveryWorkerFalse_OnlyEnqueues()
    {
        var services = new ServiceCollection();
        services.AddTypedMail(Settings(25))
                .AddTypedMailOutbox(o => { o.UseSqlite("Data Source=unused.db"); o.RunDeliveryWorker = false; });
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.NotNull(provider.GetRequiredService<IMailOutbox>());
    }

    [Theory]
    [InlineData(true, 2L)]
    [InlineData(false, 1L)]
    public async Task SqliteSurvivesPowerLoss_ChoosesFullOrNormalSynchronousCommits(bool survivesPowerLoss, long expected)
    {
        var directory = Directory.CreateTempSubdirectory("typedmail-outbox-sync-").FullName;
        try
        {
            var services = new ServiceCollection();
            services.AddTypedMail(Settings(25))
                    .AddTypedMailOutbox(o =>
                    {
                        o.UseSqlite($"Data Source={Path.Combine(directory, "mail-outbox.db")}");
                        o.SqliteSurvivesPowerLoss = survivesPowerLoss;
                        o.RunDeliveryWorker = false;
                    });
            await using var provider = services.BuildServiceProvider();
            var store = Assert.IsType<SqliteOutboxStore>(provider.GetRequiredService<IOutboxStore>());
            await store.EnsureSchemaAsync(default);

            Assert.Equal(expected, await store.SynchronousSettingAsync(default));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void WithoutAStore_TheRegistrationSaysWhatToCall()
    {
        var services = new ServiceCollection();
        var exception = Assert.Throws<InvalidOperationException>(() => services.AddTypedMailOutbox(o => o.MaxAttempts = 3));
        Assert.Contains("UseSqlite", exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(int port) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Host"] = "127.0.0.1", ["Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mode"] = "NeverTls" })
        .Build();
}
