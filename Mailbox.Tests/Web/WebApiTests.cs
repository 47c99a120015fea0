using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>The inbox's JSON API, as docs/mailbox.md documents it, over real SMTP and real HTTP.</summary>
public sealed class WebApiTests
{
    [Fact]
    public async Task The_list_is_newest_first_with_envelope_sized_summaries_and_session_facts()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Attachment()]);

        var list = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages");

        Assert.Equal(["2", "1"], list.EnumerateArray().Select(message => message.GetProperty("id").GetString()!).ToArray());
        var newest = list[0];
        Assert.Equal("Attachment: the rate card", newest.GetProperty("subject").GetString());
        Assert.Equal(running.Server.Messages[1].RawMime.Length, newest.GetProperty("size").GetInt32());
        Assert.Equal(1, newest.GetProperty("attachments").GetInt32());
        var session = newest.GetProperty("session");
        Assert.True(session.GetProperty("startTlsIssued").GetBoolean());
        Assert.True(session.GetProperty("secure").GetBoolean());
        Assert.Equal("PLAIN", session.GetProperty("authMechanism").GetString());
        Assert.Equal(SmtpDelivery.User, session.GetProperty("authenticatedUser").GetString());
    }

    [Fact]
    public async Task A_row_of_the_list_carries_no_session_commands_so_a_merge_over_one_connection_lists_in_linear_size()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, Enumerable.Range(0, 30).Select(_ => SampleMessages.Text()));

        var list = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages");
        var rows = list.EnumerateArray().ToArray();

        Assert.Equal(30, rows.Length);
        Assert.All(rows, row => Assert.False(row.GetProperty("session").TryGetProperty("commands", out _), "a list row carries the session's commands"));
        Assert.True(rows[0].GetRawText().Length < rows[^1].GetRawText().Length + 100, "the newest row is larger than the oldest: it grew with the session");
        var detail = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/30");
        Assert.NotEmpty(detail.GetProperty("session").GetProperty("transaction").EnumerateArray());
    }

    [Fact]
    public async Task A_message_s_session_is_the_opening_once_and_its_own_transaction_whatever_came_before_it()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, Enumerable.Range(0, 40).Select(_ => SampleMessages.Text()));

        var first = (await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1")).GetProperty("session");
        var last = (await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/40")).GetProperty("session");

        string[] Verbs(JsonElement session, string name) => session.GetProperty(name).EnumerateArray().Select(verb => verb.GetString()!).ToArray();
        Assert.Equal<string[]>(["EHLO", "STARTTLS", "EHLO", "AUTH"], Verbs(last, "opening"));
        Assert.Equal<string[]>(["MAIL", "RCPT", "RCPT", "DATA"], Verbs(last, "transaction"));
        Assert.Equal<string[]>(Verbs(first, "opening"), Verbs(last, "opening"));
        Assert.Equal<string[]>(Verbs(first, "transaction"), Verbs(last, "transaction"));
        Assert.Equal(0, first.GetProperty("earlierMessages").GetInt32());
        Assert.Equal(39, last.GetProperty("earlierMessages").GetInt32());
        Assert.Equal(first.GetRawText().Length + 1, last.GetRawText().Length); // "39" against "0": nothing else grew
        Assert.Equal<string[]>(["MAIL", "RCPT", "RCPT", "DATA"], running.Server.Messages[39].Transcript.Transaction.ToArray());
        Assert.Same(running.Server.Messages[0].Transcript.Opening, running.Server.Messages[39].Transcript.Opening);
    }

    [Fact]
    public async Task Raw_is_the_exact_bytes_received_as_message_rfc822()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);

        using var response = await running.Http.GetAsync("/api/messages/1/raw");

        Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(running.Server.Messages[0].RawMime, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_HTML_body_comes_with_a_policy_that_runs_no_script_and_loads_only_its_own_images()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);

        using var response = await running.Http.GetAsync("/api/messages/1/html");
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox; default-src 'none'; img-src 'self' data:;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("cid:", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/api/messages/1/cid/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_marks_the_Bcc_only_recipient_and_lists_the_inline_image()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);

        var message = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1");

        var recipients = message.GetProperty("envelope").GetProperty("recipients").EnumerateArray()
            .Select(recipient => (recipient.GetProperty("address").GetString(), recipient.GetProperty("bccOnly").GetBoolean()))
            .ToArray();
        Assert.Equal([("arthur.carlson@wkrp.com", false), (SmtpDelivery.BccOnly, true)], recipients);
        var image = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.True(image.GetProperty("inline").GetBoolean());
        Assert.Equal("image/png", image.GetProperty("contentType").GetString());
        Assert.Equal(SampleImage.Png, await running.Http.GetByteArrayAsync(image.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task An_unknown_message_is_a_404_that_names_it()
    {
        await using var running = await RunningInbox.StartAsync();

        using var response = await running.Http.GetAsync("/api/messages/42");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("There is no message '42'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_forgets_every_message_in_the_inbox_and_in_the_server()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text(), SampleMessages.Html()]);

        using var response = await running.Http.DeleteAsync("/api/messages");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty((await running.Http.GetFromJsonAsync<JsonElement>("/api/messages")).EnumerateArray());
        Assert.Empty(running.Server.Messages);
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);
        Assert.Single((await running.Http.GetFromJsonAsync<JsonElement>("/api/messages")).EnumerateArray());
    }
}
