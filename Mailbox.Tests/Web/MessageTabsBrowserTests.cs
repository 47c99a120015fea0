using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Browser;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>A message's tabs by address (<c>#raw</c>...), its full header block, and its own transaction in the Session tab.</summary>
public sealed class MessageTabsBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public MessageTabsBrowserTests(ChromiumFixture chromium) => _chromium = chromium;

    [Theory]
    [InlineData("raw")]
    [InlineData("headers")]
    [InlineData("session")]
    [InlineData("attachments")]
    public async Task A_tab_s_address_opens_that_tab(string tab)
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);
        var page = await _chromium.Browser.NewPageAsync();

        await page.NavigateAsync(running.Url("/messages/1#" + tab));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        Assert.Equal(tab, (await page.EvaluateAsync("document.body.dataset.tab")).GetString());
        Assert.False((await page.EvaluateAsync($"document.querySelector('[data-panel={tab}]').hidden")).GetBoolean());
        Assert.Equal("true", (await page.EvaluateAsync($"document.querySelector('button[data-tab={tab}]').getAttribute('aria-selected')")).GetString());
    }

    [Fact]
    public async Task Choosing_a_tab_puts_it_in_the_address_and_the_address_switches_tabs()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");
        Assert.Equal("html", (await page.EvaluateAsync("document.body.dataset.tab")).GetString());

        await page.ClickAsync("[data-tab=raw]");
        Assert.Equal("#raw", (await page.EvaluateAsync("location.hash")).GetString());

        await page.EvaluateAsync("location.hash = '#text'; true");
        await page.WaitUntilAsync("document.body.dataset.tab === 'text'", "the text tab");
        await page.ScreenshotAsync(Screenshots.PathOf("message-deep-link.png"));
    }

    [Fact]
    public async Task Headers_shows_the_whole_header_block_the_top_level_Content_Type_included()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1#headers"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        var names = (await page.EvaluateAsync("[...document.querySelectorAll('#headers tr')].map(r => r.cells[0].textContent)"))
            .EnumerateArray().Select(name => name.GetString()!).ToArray();
        var contentType = (await page.EvaluateAsync("[...document.querySelectorAll('#headers tr')].find(r => r.cells[0].textContent === 'Content-Type').cells[1].textContent")).GetString();

        Assert.Contains("MIME-Version", names);
        Assert.StartsWith("multipart/", contentType!.Trim(), StringComparison.Ordinal);
        Assert.Contains("boundary=", contentType, StringComparison.Ordinal);
        // In the order of the message's header block.
        var raw = System.Text.Encoding.ASCII.GetString(running.Server.Messages[0].RawMime);
        var block = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var expected = block.Split("\r\n").Where(line => line.Length > 0 && !char.IsWhiteSpace(line[0])).Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(expected, names);
        await page.ScreenshotAsync(Screenshots.PathOf("message-headers.png"));
    }

    [Fact]
    public async Task Session_shows_the_opening_once_then_marks_this_message_s_transaction()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html(), SampleMessages.Attachment()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/3#session"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        var commands = await page.EvaluateAsync("[...document.querySelectorAll('#commands > span')].map(s => ({ text: s.textContent, mine: s.classList.contains('mine') }))");
        var shown = commands.EnumerateArray().Select(command => (command.GetProperty("text").GetString()!, command.GetProperty("mine").GetBoolean())).ToArray();

        Assert.Equal(
            [("EHLO", false), ("STARTTLS", false), ("EHLO", false), ("AUTH", false), ("… 2 earlier messages …", false),
             ("MAIL", true), ("RCPT", true), ("RCPT", true), ("DATA", true)],
            shown);
        await page.ScreenshotAsync(Screenshots.PathOf("message-session.png"));
    }
}
