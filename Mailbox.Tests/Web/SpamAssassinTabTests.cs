using System;
using System.IO;
using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>
/// The SpamAssassin tab with Debian's spamassassin (installed by .ci/run) and without it (a program path that does not
/// exist): a score, the threshold and the rules that fired; or a plain "not installed".
/// </summary>
public sealed class SpamAssassinTabTests : IClassFixture<ChromiumFixture>
{
    private const string Installed = "/usr/bin/spamassassin";
    private const string Absent = "/nonexistent/bin/spamassassin";

    private readonly ChromiumFixture _chromium;

    public SpamAssassinTabTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task With_spamassassin_the_score_is_the_sum_of_the_rules_that_fired_and_an_HTML_only_mail_fires_MIME_HTML_ONLY()
    {
        RequireSpamAssassin();
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [HtmlOnly()]);

        var verdict = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/spam");

        Assert.True(verdict.GetProperty("available").GetBoolean(), verdict.GetRawText());
        var score = verdict.GetProperty("score").GetDouble();
        Assert.Equal(5.0, verdict.GetProperty("threshold").GetDouble());
        Assert.Equal(score >= 5.0, verdict.GetProperty("isSpam").GetBoolean());
        var rules = verdict.GetProperty("rules").EnumerateArray().ToArray();
        var htmlOnly = Assert.Single(rules, rule => rule.GetProperty("name").GetString() == "MIME_HTML_ONLY");
        Assert.Contains("text/html", htmlOnly.GetProperty("description").GetString()!, StringComparison.Ordinal);
        Assert.Equal(score, rules.Sum(rule => rule.GetProperty("points").GetDouble()), 1);
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task Without_spamassassin_the_tab_says_it_is_not_installed_and_how_to_get_it()
    {
        var options = new WebInboxOptions { SpamAssassin = Absent };
        await using var running = await RunningInbox.StartAsync(options);
        await SmtpDelivery.SendAsync(running.Server, [HtmlOnly()]);

        var verdict = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/spam");

        Assert.False(verdict.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("score").ValueKind);
        Assert.Equal(
            $"SpamAssassin is not installed here ('{Absent}' was not found), so no score is shown. Install it (Debian/Ubuntu: apt-get install spamassassin) or give its path with --spamassassin PATH.",
            verdict.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_tab_shows_the_score_and_the_rules_when_spamassassin_is_installed()
    {
        RequireSpamAssassin();
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [HtmlOnly()]);
        var page = await _chromium.Browser.NewPageAsync();

        await page.NavigateAsync(running.Url("/messages/1#spam"));
        await page.WaitUntilAsync("document.body.dataset.spam === 'scored'", "SpamAssassin's score");

        var rules = (await page.EvaluateAsync("[...document.querySelectorAll('#spam-rules tbody tr')].map(r => r.cells[1].textContent)")).EnumerateArray().Select(rule => rule.GetString()).ToArray();
        Assert.Contains("MIME_HTML_ONLY", rules);
        Assert.Matches(@"^-?\d+\.\d$", (await page.EvaluateAsync("document.getElementById('spam-summary').textContent")).GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("message-spamassassin.png"));
    }

    [Fact]
    public async Task The_tab_says_so_when_spamassassin_is_not_installed()
    {
        await using var running = await RunningInbox.StartAsync(new WebInboxOptions { SpamAssassin = Absent });
        await SmtpDelivery.SendAsync(running.Server, [HtmlOnly()]);
        var page = await _chromium.Browser.NewPageAsync();

        await page.NavigateAsync(running.Url("/messages/1#spam"));
        await page.WaitUntilAsync("document.body.dataset.spam === 'missing'", "the missing-program notice");

        Assert.StartsWith("SpamAssassin is not installed here", (await page.EvaluateAsync("document.getElementById('spam-status').textContent")).GetString(), StringComparison.Ordinal);
        Assert.Equal("SpamAssassin (not installed)", (await page.EvaluateAsync("document.querySelector('button[data-tab=spam]').textContent")).GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("message-spamassassin-missing.png"));
    }

    private static void RequireSpamAssassin() =>
        Assert.True(File.Exists(Installed), $"spamassassin is not installed ({Installed} is missing): apt-get install spamassassin, or run .ci/run, which installs it.");

    private static MimeMessage HtmlOnly()
    {
        var message = SampleMessages.Text();
        message.Subject = "HTML only: the ratings";
        message.Body = new TextPart("html") { Text = "<html><body><p>Dear Mr. Carlson, <b>WKRP</b> is number one in drive time.</p><p>Herb</p></body></html>" };
        return message;
    }
}
