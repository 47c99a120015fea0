using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tests.Previews;

/// <summary>The Previews page in headless Chromium, for the MailMerge sample loaded by path as the tool's --previews does.</summary>
public sealed class PreviewsBrowserTests : IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium;

    public PreviewsBrowserTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task The_previews_page_lists_the_sample_message_type_and_renders_each_preview_without_sending()
    {
        var options = new WebInboxOptions();
        options.PreviewAssemblyPaths.Add(SamplePaths.MailMergeAssembly);
        await using var running = await RunningInbox.StartAsync(options);
        var page = await _chromium.Browser.NewPageAsync();

        await page.NavigateAsync(running.Url("/previews"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the previews page");
        var listed = await page.EvaluateAsync(
            "[...document.querySelectorAll('section.type')].map(s => ({ type: s.dataset.type, previews: [...s.querySelectorAll('li a')].map(a => a.textContent) }))");
        var offer = Assert.Single(listed.EnumerateArray());
        Assert.Equal("MailMerge.DiscountOffer", offer.GetProperty("type").GetString());
        Assert.Equal<string[]>(["Half price", "Mailing list #1", "Mailing list #2"], offer.GetProperty("previews").EnumerateArray().Select(name => name.GetString()!).ToArray());
        await page.ScreenshotAsync(Screenshots.PathOf("inbox-previews.png"));

        await page.ClickAsync("section.type li a");
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true' && location.pathname === '/previews/1'", "the preview's page");
        Assert.Equal("Discounts on Ad Space!", (await page.EvaluateAsync("document.getElementById('subject').textContent")).GetString());
        Assert.Equal("MailMerge.DiscountOffer (MailMerge.DiscountOfferPreviews.HalfPrice)", (await page.EvaluateAsync("document.getElementById('source').textContent")).GetString());
        Assert.Equal("text", (await page.EvaluateAsync("document.body.dataset.tab")).GetString());
        var text = (await page.EvaluateAsync("document.getElementById('text').textContent")).GetString();
        Assert.StartsWith("Dear Ms. Marlowe,", text, System.StringComparison.Ordinal);
        Assert.Contains("50% off", text, System.StringComparison.Ordinal);

        await page.ClickAsync("[data-tab=session]");
        Assert.False((await page.EvaluateAsync("document.getElementById('no-session').hidden")).GetBoolean());
        Assert.Empty(running.Server.Messages); // rendered, never sent
    }

    [Fact]
    public async Task Without_a_previews_assembly_the_page_says_how_to_give_one()
    {
        await using var running = await RunningInbox.StartAsync();
        var page = await _chromium.Browser.NewPageAsync();

        await page.NavigateAsync(running.Url("/previews"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the previews page");

        var empty = await page.EvaluateAsync("document.getElementById('empty').hidden ? null : document.getElementById('empty').textContent");
        Assert.Contains("--previews path/to/App.dll", empty.GetString(), System.StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await page.EvaluateAsync("document.querySelector('section.type')")).ValueKind);
    }
}
