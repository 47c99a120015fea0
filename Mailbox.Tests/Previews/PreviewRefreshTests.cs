using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tests.Previews;

/// <summary>The previews follow a rebuild of the --previews assembly: the file is watched and reloaded, no restart.</summary>
public sealed class PreviewRefreshTests : IClassFixture<ChromiumFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ChromiumFixture _chromium;
    private readonly string _folder = Directory.CreateTempSubdirectory("typedmail-previews-").FullName;

    public PreviewRefreshTests(ChromiumFixture chromium) => _chromium = chromium;

    private string AppPath => Path.Combine(_folder, RebuiltApplication.AssemblyName + ".dll");

    [Fact]
    public async Task A_rebuild_of_the_previews_assembly_is_shown_without_a_restart_and_the_old_build_is_unloaded()
    {
        RebuiltApplication.Build(AppPath, "Farm report, week 1");
        await using var running = await RunningInbox.StartAsync(WithPreviews());
        Assert.Equal("Farm report, week 1", await SubjectAsync(running.Http));

        RebuiltApplication.Build(AppPath, "Farm report, week 2");

        await UntilAsync(async () => await SubjectAsync(running.Http) == "Farm report, week 2", "the rebuilt preview");
        var preview = await running.Http.GetFromJsonAsync<JsonElement>("/api/previews/1");
        Assert.Equal("Farm report, week 2", preview.GetProperty("subject").GetString());
        await UntilAsync(() => Task.FromResult(Collected(running.Inbox)), "the first build's load context to be collected");
    }

    [Fact]
    public async Task A_rebuild_that_cannot_be_loaded_keeps_the_previous_previews_and_says_why_until_the_next_good_one()
    {
        RebuiltApplication.Build(AppPath, "Farm report, week 1");
        await using var running = await RunningInbox.StartAsync(WithPreviews());

        await File.WriteAllBytesAsync(AppPath, "not an assembly"u8.ToArray());
        await UntilAsync(async () => (await CatalogAsync(running.Http)).GetProperty("reloadError").ValueKind == JsonValueKind.String, "the reload error");

        var catalog = await CatalogAsync(running.Http);
        Assert.StartsWith("The rebuilt previews assembly could not be loaded, so the previous build is still shown:", catalog.GetProperty("reloadError").GetString(), StringComparison.Ordinal);
        Assert.Equal("Farm report, week 1", await SubjectAsync(running.Http));

        RebuiltApplication.Build(AppPath, "Farm report, week 3");
        await UntilAsync(async () => await SubjectAsync(running.Http) == "Farm report, week 3", "the next good build");
        Assert.Equal(JsonValueKind.Null, (await CatalogAsync(running.Http)).GetProperty("reloadError").ValueKind);
    }

    [Fact]
    public async Task The_open_previews_page_shows_the_rebuilt_preview_by_itself()
    {
        RebuiltApplication.Build(AppPath, "Farm report, week 1");
        await using var running = await RunningInbox.StartAsync(WithPreviews());
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/previews"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true'", "the previews page");
        Assert.Contains("Farm report, week 1", (await page.EvaluateAsync("document.getElementById('types').textContent")).GetString(), StringComparison.Ordinal);

        RebuiltApplication.Build(AppPath, "Farm report, week 2: hog prices");

        await page.WaitUntilAsync("document.getElementById('types').textContent.includes('Farm report, week 2: hog prices')", "the page to show the rebuild");
        Assert.Equal("/previews", (await page.EvaluateAsync("location.pathname")).GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("previews-refreshed.png"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WebInboxOptions WithPreviews()
    {
        var options = new WebInboxOptions();
        options.PreviewAssemblyPaths.Add(AppPath);
        return options;
    }

    private static bool Collected(WebInbox inbox)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var unloaded = inbox.Previews.Unloaded;
        return unloaded.Count > 0 && unloaded.All(context => !context.IsAlive);
    }

    private static Task<JsonElement> CatalogAsync(HttpClient http) => http.GetFromJsonAsync<JsonElement>("/api/previews");

    private static async Task<string?> SubjectAsync(HttpClient http)
    {
        var type = Assert.Single((await CatalogAsync(http)).GetProperty("types").EnumerateArray());
        return Assert.Single(type.GetProperty("previews").EnumerateArray()).GetProperty("subject").GetString();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
