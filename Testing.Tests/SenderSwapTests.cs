using System.Threading.Tasks;

namespace TypedMail.Testing.Tests;

/// <summary>Generated code takes <see cref="ISmtpSender"/>: the recording double goes where an SmtpSender went.</summary>
public sealed class SenderSwapTests
{
    private readonly RecordingSmtpSender _outbox = new();

    [Fact]
    public async Task GeneratedSendAsync_TakesTheRecordingSender()
    {
        var result = await Welcome.Create().Email("ann@example.org").Name("Ann").Build().SendAsync(_outbox);

        Assert.True(result.Succeeded, result.ToString());
        _outbox.ShouldHaveSentTo<Welcome>("ann@example.org");
    }

    [Fact]
    public async Task GeneratedServer_SendsThroughTheGivenSender()
    {
        await using (var relay = new ShopRelay(_outbox))
        {
            var results = await relay.SendManyAsync([Welcome.Create().Email("bob@example.org").Name("Bob").Build()]);
            var one = await relay.SendAsync(Welcome.Create().Email("ann@example.org").Name("Ann").Build());
            Assert.True(one.Succeeded, one.ToString());
            Assert.True(Assert.Single(results).Succeeded);
        }

        Assert.Equal(2, _outbox.Messages.Count);
        _outbox.ShouldHaveSentTo<Welcome>("bob@example.org");
    }
}
