using System;
using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>The Links and "Phone &amp; desktop" tabs: every link of the HTML, warned when <c>http:</c>; the HTML at 375 and 1024 px.</summary>
public sealed class LinksAndWidthsTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public LinksAndWidthsTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task Links_lists_every_link_in_order_with_its_text_and_warns_only_the_http_one()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Newsletter()]);

        var found = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/links");

        var links = found.GetProperty("links").EnumerateArray()
            .Select(link => (link.GetProperty("url").GetString(), link.GetProperty("text").GetString(), link.GetProperty("warning").GetString()))
            .ToArray();
        Assert.True(found.GetProperty("hasHtml").GetBoolean());
        Assert.Equal(5, links.Length);
        Assert.Equal(("https://wkrp.example/week", "the programme", null), links[0]);
        Assert.Equal((SampleMessages.InsecureLink, "the old archive"), (links[1].Item1, links[1].Item2));
        Assert.StartsWith("http: is not encrypted", links[1].Item3, StringComparison.Ordinal);
        Assert.Equal(("mailto:venus.flytrap@wkrp.example", "Venus", null), links[2]);
        Assert.Equal(("#top", "the top", null), links[3]);
        Assert.Equal(("https://wkrp.example/logo", "[WKRP logo]", null), links[4]);
    }

    [Fact]
    public async Task A_message_without_HTML_has_no_links_and_says_so()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);

        var found = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/links");

        Assert.False(found.GetProperty("hasHtml").GetBoolean());
        Assert.Empty(found.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task The_Links_tab_shows_each_link_and_marks_the_http_one()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Newsletter()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1#links"));
        await page.WaitUntilAsync("document.body.dataset.links === 'loaded'", "the links");

        var rows = (await page.EvaluateAsync("[...document.querySelectorAll('#links tbody tr')].map(r => r.className + '|' + r.cells[1].textContent)"))
            .EnumerateArray().Select(row => row.GetString()!).ToArray();

        Assert.Equal(5, rows.Length);
        Assert.Equal("warned|" + SampleMessages.InsecureLink, Assert.Single(rows, row => row.StartsWith("warned|", StringComparison.Ordinal)));
        Assert.Equal("⚠ 1", (await page.EvaluateAsync("document.getElementById('link-warnings').textContent")).GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("message-links.png"));
    }

    [Fact]
    public async Task Phone_and_desktop_lay_the_HTML_out_at_375_and_1024_pixels()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Newsletter()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1#widths"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        // Inside each frame (a sandboxed, cross-origin document): the width the mail's HTML is laid out at.
        var phone = await page.EvaluateInFrameAsync("html?width=375", "[document.documentElement.clientWidth, document.documentElement.scrollWidth]");
        var desktop = await page.EvaluateInFrameAsync("html?width=1024", "[document.documentElement.clientWidth, document.documentElement.scrollWidth]");

        // The newsletter's 600 px table: wider than a phone (it scrolls sideways there), narrower than a desktop.
        Assert.InRange(phone[0].GetInt32(), 360, 375); // 375 less a scroll bar, if any
        Assert.Equal(600, phone[1].GetInt32());
        Assert.InRange(desktop[0].GetInt32(), 1009, 1024);
        Assert.Equal(desktop[0].GetInt32(), desktop[1].GetInt32());
        await page.ScreenshotAsync(Screenshots.PathOf("message-widths.png"));
    }
}
