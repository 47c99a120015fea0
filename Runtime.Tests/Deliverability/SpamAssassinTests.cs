using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace TypedMail.Runtime.Tests.Deliverability;

/// <summary>
/// SpamAssassin (local rules, <c>-L</c>) judges each kind of message as it arrives at a receiving server: every kind
/// must score below 2.0 (5.0 is SpamAssassin's spam threshold; large providers are stricter). Scores and rules go to
/// the test output.
/// </summary>
public sealed class SpamAssassinTests
{
    private const double Limit = 2.0;
    private readonly ITestOutputHelper _output;

    public SpamAssassinTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Kinds => new(SampleMessages.Kinds);

    [DebianToolTheory(SpamAssassin.Probe, SpamAssassin.Package)]
    [MemberData(nameof(Kinds))]
    public async Task EachKindOfMessage_ScoresBelowTwo(string kind)
    {
        var received = await ReceiveAsync(kind);

        var verdict = await SpamAssassin.JudgeAsync(received.RawMime);

        _output.WriteLine($"spamassassin {kind}: {verdict}");
        Assert.True(verdict.Score < Limit, $"{kind} scored {verdict}; the limit is {Limit}.");
    }

    [DebianToolFact(SpamAssassin.Probe, SpamAssassin.Package)]
    public async Task TheGeneratedTextAlternative_SparesTheHtmlOnlyPenalty()
    {
        var withAlternative = await SpamAssassin.JudgeAsync((await ReceiveAsync("html")).RawMime);
        var htmlOnly = await SpamAssassin.JudgeAsync((await ReceiveAsync("html", m => m.TextAlternative = false)).RawMime);

        _output.WriteLine($"spamassassin html without text alternative: {htmlOnly}");
        Assert.Contains(htmlOnly.Rules, r => r.Name == "MIME_HTML_ONLY");
        Assert.DoesNotContain(withAlternative.Rules, r => r.Name == "MIME_HTML_ONLY");
        Assert.True(withAlternative.Score < htmlOnly.Score, $"with the alternative {withAlternative}; HTML only {htmlOnly}.");
    }

    private static async Task<TypedMail.Mailbox.ReceivedMessage> ReceiveAsync(string kind, System.Action<SmtpMessage>? change = null)
    {
        using var message = SampleMessages.Create(kind);
        change?.Invoke(message);
        await using var server = await LoopbackServers.StartAsync();
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        if (kind is "dkim-signed" or "merge-unsubscribe")
        {
            settings.Dkim = DkimTestKey.Rsa.Settings();
        }

        await using var sender = new SmtpSender(settings);
        var result = await sender.SendAsync(message);
        Assert.True(result.Succeeded, result.ToString());
        return await server.WaitForMessageAsync(LoopbackServers.Patience);
    }
}
