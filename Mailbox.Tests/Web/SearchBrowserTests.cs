using System;
using System.Linq;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Browser;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>The list's search box, its pages and its delete buttons, in a real headless Chromium.</summary>
public sealed class SearchBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public SearchBrowserTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task The_search_box_filters_the_list_and_puts_the_search_in_the_address()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html(), SampleMessages.Attachment()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/"));
        await page.WaitUntilAsync("document.body.dataset.count === '3'", "three rows");

        await TypeAsync(page, "cincinnati");
        await page.WaitUntilAsync("document.body.dataset.query === 'cincinnati' && document.body.dataset.count === '1'", "one match");

        Assert.Equal("HTML with the station logo", await SubjectsAsync(page));
        Assert.Equal("?q=cincinnati", (await page.EvaluateAsync("location.search")).GetString());
        Assert.Equal("1–1 of 1", (await page.EvaluateAsync("document.getElementById('range').textContent")).GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("inbox-search.png"));

        // The address opens the same search.
        var linked = await _chromium.Browser.NewPageAsync();
        await linked.NavigateAsync(running.Url("/?q=rate%20card"));
        await linked.WaitUntilAsync("document.body.dataset.query === 'rate card' && document.body.dataset.count === '1'", "the linked search");
        Assert.Equal("Attachment: the rate card 1 attachment", await SubjectsAsync(linked));
        Assert.Equal("rate card", (await linked.EvaluateAsync("document.getElementById('search').value")).GetString());

        await TypeAsync(page, "zebra");
        await page.WaitUntilAsync("document.body.dataset.query === 'zebra' && !document.getElementById('empty').hidden", "no match");
        Assert.Equal("No message matches “zebra”.", (await page.EvaluateAsync("document.getElementById('empty').textContent")).GetString());
    }

    [Fact]
    public async Task The_delete_button_of_a_row_deletes_that_message_only()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html(), SampleMessages.Attachment()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/"));
        await page.WaitUntilAsync("document.body.dataset.count === '3'", "three rows");

        await page.ClickAsync("tr[data-id='2'] .delete-one");
        await page.WaitUntilAsync("document.body.dataset.count === '2'", "two rows left");

        Assert.Equal("Attachment: the rate card 1 attachment|Text only: the weekly ratings", await SubjectsAsync(page));
        Assert.Equal(2, running.Server.Messages.Count);
        Assert.Equal("/", (await page.EvaluateAsync("location.pathname")).GetString()); // the click did not open the message
    }

    [Fact]
    public async Task The_delete_button_of_a_message_page_deletes_it_and_returns_to_the_list()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the message page");

        await page.ClickAsync("#delete");
        await page.WaitUntilAsync("location.pathname === '/' && document.body.dataset.count === '1'", "the list without it");

        Assert.Equal("HTML with the station logo", Assert.Single(running.Server.Messages).Message.Subject);
    }

    [Fact]
    public async Task Older_and_newer_page_through_the_list_fifty_at_a_time()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, Enumerable.Range(0, 55).Select(_ => SampleMessages.Text()));
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/"));
        await page.WaitUntilAsync("document.body.dataset.count === '50'", "the first page");
        Assert.Equal("1–50 of 55", (await page.EvaluateAsync("document.getElementById('range').textContent")).GetString());
        Assert.Equal("55", (await page.EvaluateAsync("document.querySelector('#messages tbody tr').dataset.id")).GetString());

        await page.ClickAsync("#older");
        await page.WaitUntilAsync("document.body.dataset.count === '5'", "the second page");
        Assert.Equal("51–55 of 55", (await page.EvaluateAsync("document.getElementById('range').textContent")).GetString());
        Assert.True((await page.EvaluateAsync("document.getElementById('older').disabled")).GetBoolean());
        await page.ScreenshotAsync(Screenshots.PathOf("inbox-paging.png"));

        await page.ClickAsync("#newer");
        await page.WaitUntilAsync("document.body.dataset.count === '50'", "the first page again");
    }

    private static Task TypeAsync(BrowserPage page, string text) =>
        page.EvaluateAsync($"(() => {{ const box = document.getElementById('search'); box.value = {System.Text.Json.JsonSerializer.Serialize(text)}; box.dispatchEvent(new Event('input')); return true; }})()");

    private static async Task<string> SubjectsAsync(BrowserPage page) =>
        (await page.EvaluateAsync("[...document.querySelectorAll('#messages tbody tr')].map(r => r.cells[3].textContent).join('|')")).GetString()!;
}
