using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Browser;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>The web inbox in a real headless Chromium: three messages sent over SMTP, read through the pages.</summary>
public sealed class InboxBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public InboxBrowserTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task The_list_shows_each_message_as_it_arrives_newest_first_with_its_TLS_and_AUTH_facts()
    {
        await using var running = await RunningInbox.StartAsync();
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/"));
        await page.WaitUntilAsync("document.body.dataset.count === '0'", "the empty inbox");

        // Sent after the page opened: the list must update by itself.
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html(), SampleMessages.Attachment()]);
        await page.WaitUntilAsync("document.querySelectorAll('#messages tbody tr').length === 3", "three rows");

        var rows = await page.EvaluateAsync("[...document.querySelectorAll('#messages tbody tr')].map(r => [...r.cells].map(c => c.textContent))");
        var subjects = rows.EnumerateArray().Select(row => row[3].GetString()!).ToArray();
        Assert.Equal<string[]>(["Attachment: the rate card 1 attachment", "HTML with the station logo", "Text only: the weekly ratings"], subjects);
        foreach (var row in rows.EnumerateArray())
        {
            Assert.Equal("\"Herb Tarlick\" <herb_tarlick@wkrp.com>", row[1].GetString());
            Assert.Equal("\"Arthur Carlson\" <arthur.carlson@wkrp.com>", row[2].GetString());
            Assert.Matches(@"^STARTTLS Tls1[23]$", row[5].GetString());
            Assert.Equal("PLAIN herb", row[6].GetString());
        }

        Assert.Matches(@"^\d+(\.\d)? KB$", rows[1][4].GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("inbox-list.png"));
    }

    [Fact]
    public async Task The_HTML_tab_shows_the_inline_image_blocks_remote_content_and_runs_no_script_of_the_mail()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        Assert.Equal("html", (await page.EvaluateAsync("document.body.dataset.tab")).GetString());

        // The frame is cross-origin to the page (sandboxed, no allow-same-origin): read it in an isolated world.
        await WaitForImageAsync(page);
        var width = await page.EvaluateInFrameAsync("/api/messages/1/html", "document.getElementById('logo').naturalWidth");
        Assert.Equal(SampleImage.Width, width.GetInt32());
        var scriptMark = await page.EvaluateInFrameAsync("/api/messages/1/html", "document.body.getAttribute('data-script-ran')");
        Assert.Equal(JsonValueKind.Null, scriptMark.ValueKind);
        var remoteWidth = await page.EvaluateInFrameAsync("/api/messages/1/html", "document.getElementById('remote').naturalWidth");
        Assert.Equal(0, remoteWidth.GetInt32());

        var cid = Assert.Single(page.Requests, request => request.Url.Contains("/api/messages/1/cid/", StringComparison.Ordinal));
        Assert.Equal(200, cid.Status);
        Assert.Equal("image/png", cid.MimeType);
        Assert.DoesNotContain(page.Requests, request => request.Url.Contains(SampleMessages.ScriptMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(page.Requests, request => request.Url.StartsWith(SampleMessages.RemoteImage, StringComparison.Ordinal) && request.Status is not null);
        Assert.Single(running.Server.Messages); // the script's DELETE never happened
        Assert.Equal(string.Empty, (await page.EvaluateAsync("document.getElementById('html-frame').getAttribute('sandbox')")).GetString());

        await page.ScreenshotAsync(Screenshots.PathOf("inbox-message.png"));
    }

    [Fact]
    public async Task The_tabs_show_the_text_the_headers_the_raw_source_and_the_session_with_the_Bcc_only_recipient()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");
        Assert.Equal("text", (await page.EvaluateAsync("document.body.dataset.tab")).GetString());
        Assert.True((await page.EvaluateAsync("!document.getElementById('no-html').hidden")).GetBoolean());

        await page.ClickAsync("[data-tab=text]");
        Assert.Equal("Dear Mr. Carlson,\nWKRP is number one in drive time.\nHerb", (await VisibleText(page, "#text"))?.TrimEnd());

        await page.ClickAsync("[data-tab=headers]");
        var headers = await page.EvaluateAsync("Object.fromEntries([...document.querySelectorAll('#headers tr')].map(r => [r.cells[0].textContent, r.cells[1].textContent]))");
        Assert.Equal("Text only: the weekly ratings", headers.GetProperty("Subject").GetString()!.Trim());
        Assert.True(headers.TryGetProperty("Message-Id", out _) || headers.TryGetProperty("Message-ID", out _));

        await page.ClickAsync("[data-tab=raw]");
        await page.WaitUntilAsync("document.getElementById('raw').textContent.length > 0", "the raw source");
        var raw = await VisibleText(page, "#raw");
        Assert.Contains("Subject: Text only: the weekly ratings", raw, StringComparison.Ordinal);
        Assert.Contains("WKRP is number one in drive time.", raw, StringComparison.Ordinal);

        await page.ClickAsync("[data-tab=session]");
        var session = await page.EvaluateAsync("Object.fromEntries([...document.querySelectorAll('#session tr')].map(r => [r.cells[0].textContent, r.cells[1].textContent]))");
        Assert.Equal("yes", session.GetProperty("STARTTLS issued").GetString());
        Assert.Matches("^Tls1[23]$", session.GetProperty("TLS protocol").GetString());
        Assert.Equal("PLAIN", session.GetProperty("AUTH mechanism").GetString());
        Assert.Equal("herb", session.GetProperty("AUTH user").GetString());
        var envelope = await page.EvaluateAsync("[...document.querySelectorAll('#envelope tr')].map(r => r.cells[0].textContent + ' ' + r.cells[1].textContent)");
        Assert.Equal<string[]>(
            ["MAIL FROM <herb_tarlick@wkrp.com>", "RCPT TO <arthur.carlson@wkrp.com>", $"RCPT TO <{SmtpDelivery.BccOnly}> Bcc only"],
            envelope.EnumerateArray().Select(line => line.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_attachments_tab_lists_the_file_and_its_link_downloads_it()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Attachment()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        await page.ClickAsync("[data-tab=attachments]");
        Assert.Equal("(1)", (await page.EvaluateAsync("document.getElementById('attachment-count').textContent")).GetString());
        var link = await page.EvaluateAsync("(() => { const a = document.querySelector('#attachments a'); return { name: a.textContent, download: a.getAttribute('download'), href: a.href, visible: a.offsetParent !== null }; })()");
        Assert.Equal("rates.csv", link.GetProperty("name").GetString());
        Assert.Equal("rates.csv", link.GetProperty("download").GetString());
        Assert.True(link.GetProperty("visible").GetBoolean());

        var download = await page.EvaluateAsync($"fetch({JsonSerializer.Serialize(link.GetProperty("href").GetString())}).then(async r => ({{ text: await r.text(), disposition: r.headers.get('content-disposition') }}))");
        // A text/* part travels with CRLF line ends (RFC 2046 4.1.1).
        Assert.Equal(SampleMessages.AttachmentText, download.GetProperty("text").GetString()!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.StartsWith("attachment; filename=rates.csv", download.GetProperty("disposition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_all_empties_the_list_of_every_open_page()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Attachment()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/"));
        await page.WaitUntilAsync("document.body.dataset.count === '2'", "two rows");

        await page.EvaluateAsync("window.confirm = () => true; document.getElementById('delete-all').click(); true");
        await page.WaitUntilAsync("document.body.dataset.count === '0' && !document.getElementById('empty').hidden", "the emptied list");
        Assert.Empty(running.Server.Messages);
    }

    private static async Task<string?> VisibleText(BrowserPage page, string selector)
    {
        var result = await page.EvaluateAsync($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); return e.closest('[data-panel]').hidden ? null : e.textContent; }})()");
        return result.GetString();
    }

    private static async Task WaitForImageAsync(BrowserPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!page.Requests.Any(request => request.Url.Contains("/cid/", StringComparison.Ordinal) && request.Finished))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The inline image was never loaded. Requests: " + string.Join("; ", page.Requests));
            }

            await Task.Delay(100);
        }
    }
}
