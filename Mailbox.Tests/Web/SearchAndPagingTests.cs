using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary><c>GET /api/messages?q=&amp;skip=&amp;take=</c> and <c>DELETE /api/messages/{id}</c>, over real SMTP and HTTP.</summary>
public sealed class SearchAndPagingTests
{
    [Theory]
    [InlineData("ratings", new[] { "1" })]                  // subject
    [InlineData("NUMBER ONE in drive", new[] { "1" })]      // the text body, every word, any case
    [InlineData("Cincinnati", new[] { "2" })]               // the HTML body only
    [InlineData("herb_tarlick", new[] { "3", "2", "1" })]   // From
    [InlineData("arthur.carlson", new[] { "3", "2", "1" })] // To
    [InlineData("les.nessman", new[] { "3", "2", "1" })]    // an envelope recipient in no header
    [InlineData("rate card", new[] { "3" })]
    [InlineData("Carlson zebra", new string[0])]
    public async Task A_search_matches_from_to_subject_and_body_and_counts_the_matches(string query, string[] expected)
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html(), SampleMessages.Attachment()]);

        using var response = await running.Http.GetAsync("/api/messages?q=" + Uri.EscapeDataString(query));
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(row => row.GetProperty("id").GetString()!).ToArray();

        Assert.Equal(expected, ids);
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Skip_and_take_page_through_the_list_newest_first_with_the_total_in_a_header()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, Enumerable.Range(0, 7).Select(_ => SampleMessages.Text()));

        Assert.Equal(["7", "6", "5"], await IdsAsync(running.Http, "/api/messages?take=3"));
        Assert.Equal(["4", "3", "2"], await IdsAsync(running.Http, "/api/messages?skip=3&take=3"));
        Assert.Equal(["1"], await IdsAsync(running.Http, "/api/messages?skip=6&take=3"));
        Assert.Empty(await IdsAsync(running.Http, "/api/messages?skip=7&take=3"));
        using var response = await running.Http.GetAsync("/api/messages?skip=6&take=3");
        Assert.Equal("7", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Without_take_a_page_is_fifty_rows()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, Enumerable.Range(0, 51).Select(_ => SampleMessages.Text()));

        var ids = await IdsAsync(running.Http, "/api/messages");

        Assert.Equal(50, ids.Length);
        Assert.Equal("51", ids[0]);
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("skip=ten", "skip")]
    public async Task A_bad_page_bound_is_a_400_that_names_the_parameter(string parameters, string name)
    {
        await using var running = await RunningInbox.StartAsync();

        using var response = await running.Http.GetAsync("/api/messages?" + parameters);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"The query parameter '{name}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_one_forgets_that_message_in_the_inbox_and_the_server_and_keeps_the_others()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html(), SampleMessages.Attachment()]);

        using var deleted = await running.Http.DeleteAsync("/api/messages/2");
        using var again = await running.Http.DeleteAsync("/api/messages/2");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(["3", "1"], await IdsAsync(running.Http, "/api/messages"));
        Assert.Equal(HttpStatusCode.NotFound, (await running.Http.GetAsync("/api/messages/2")).StatusCode);
        Assert.Equal(["Text only: the weekly ratings", "Attachment: the rate card"], running.Server.Messages.Select(message => message.Message.Subject ?? string.Empty).ToArray());
    }

    [Fact]
    public async Task Delete_one_removes_its_stored_eml_and_facts_so_a_restart_does_not_list_it()
    {
        var store = System.IO.Directory.CreateTempSubdirectory("typedmail-mailbox-delete-").FullName;
        try
        {
            var options = SmtpDelivery.StartTlsWithUser();
            options.EmlDirectory = store;
            await using (var server = await MailboxServer.StartAsync(options))
            await using (var inbox = await Mailbox.Web.WebInbox.StartAsync([server], new Mailbox.Web.WebInboxOptions { StoreDirectory = store }))
            {
                await SmtpDelivery.SendAsync(server, [SampleMessages.Text(), SampleMessages.Html()]);
                using var http = new HttpClient { BaseAddress = inbox.Address };
                Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/messages/1")).StatusCode);
            }

            var left = Assert.Single(System.IO.Directory.GetFiles(store, "*.eml"));
            Assert.Single(System.IO.Directory.GetFiles(store, "*.facts.json"));
            Assert.Contains("HTML with the station logo", await System.IO.File.ReadAllTextAsync(left), StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(store, recursive: true);
        }
    }

    private static async Task<string[]> IdsAsync(HttpClient http, string url) =>
        (await http.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Select(row => row.GetProperty("id").GetString()!).ToArray();
}
