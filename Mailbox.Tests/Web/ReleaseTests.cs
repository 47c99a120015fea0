using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>
/// Release: a stored message forwarded to a real SMTP server, here a second Mailbox on loopback that requires STARTTLS
/// and AUTH, through TypedMail's own sender and settings.
/// </summary>
public sealed class ReleaseTests : IClassFixture<ChromiumFixture>
{
    private const string RelayUser = "bailey";
    private const string RelayPassword = "quarters-and-turkeys";

    private readonly ChromiumFixture _chromium;

    public ReleaseTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task Release_forwards_the_message_over_STARTTLS_with_AUTH_to_its_envelope_recipients()
    {
        await using var relay = await StartRelayAsync();
        await using var running = await RunningInbox.StartAsync(new WebInboxOptions { Relay = RelaySettings(relay) });
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Html()]);

        using var response = await running.Http.PostAsync("/api/messages/1/release", null);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answer.GetProperty("sent").GetBoolean());
        Assert.Equal($"127.0.0.1:{relay.Port}", answer.GetProperty("relay").GetString());
        var forwarded = await relay.WaitForMessageAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("herb_tarlick@wkrp.com", forwarded.MailFrom);
        Assert.Equal(["arthur.carlson@wkrp.com", SmtpDelivery.BccOnly], forwarded.Recipients);
        Assert.True(forwarded.StartTlsIssued && forwarded.Secure);
        Assert.Equal(RelayUser, forwarded.AuthenticatedUser);
        var original = running.Server.Messages[0].Message;
        Assert.Equal(original.Subject, forwarded.Message.Subject);
        Assert.Equal(original.MessageId, forwarded.Message.MessageId);
        Assert.Equal(original.HtmlBody, forwarded.Message.HtmlBody);
        Assert.Single(running.Server.Messages); // the inbox keeps it
    }

    [Fact]
    public async Task Release_to_chosen_recipients_sends_to_them_only()
    {
        await using var relay = await StartRelayAsync();
        await using var running = await RunningInbox.StartAsync(new WebInboxOptions { Relay = RelaySettings(relay) });
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);

        using var response = await running.Http.PostAsJsonAsync("/api/messages/1/release", new { to = new[] { "jennifer.marlowe@wkrp.com" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["jennifer.marlowe@wkrp.com"], (await relay.WaitForMessageAsync(TimeSpan.FromSeconds(20))).Recipients);
    }

    [Fact]
    public async Task A_relay_that_refuses_the_credentials_is_a_502_with_TypedMail_s_error()
    {
        await using var relay = await StartRelayAsync();
        var settings = RelaySettings(relay);
        settings.Password = "wrong";
        await using var running = await RunningInbox.StartAsync(new WebInboxOptions { Relay = settings });
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);

        using var response = await running.Http.PostAsync("/api/messages/1/release", null);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.False(answer.GetProperty("sent").GetBoolean());
        Assert.NotEqual(0, answer.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
        Assert.Empty(relay.Messages);
    }

    [Fact]
    public async Task Without_a_relay_release_is_a_409_that_names_the_option_and_a_bad_address_a_400()
    {
        await using var running = await RunningInbox.StartAsync();
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);

        using var none = await running.Http.PostAsync("/api/messages/1/release", null);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.StartsWith("No relay is configured: start the inbox with --relay host:port", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var relay = await StartRelayAsync();
        await using var configured = await RunningInbox.StartAsync(new WebInboxOptions { Relay = RelaySettings(relay) });
        await SmtpDelivery.SendAsync(configured.Server, [SampleMessages.Text()]);
        using var bad = await configured.Http.PostAsJsonAsync("/api/messages/1/release", new { to = new[] { "not an address" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("'not an address' is not an e-mail address.", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_Release_button_sends_to_the_recipients_typed_and_says_where_it_went()
    {
        await using var relay = await StartRelayAsync();
        await using var running = await RunningInbox.StartAsync(new WebInboxOptions { Relay = RelaySettings(relay) });
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Newsletter()]);
        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/1"));
        await page.WaitUntilAsync("document.body.dataset.loaded === 'true' && !document.getElementById('release').hidden", "the Release button");

        await page.ClickAsync("#release");
        Assert.Equal($"arthur.carlson@wkrp.com, {SmtpDelivery.BccOnly}", (await page.EvaluateAsync("document.getElementById('release-to').value")).GetString());
        await page.EvaluateAsync("document.getElementById('release-to').value = 'venus.flytrap@wkrp.com'; true");
        await page.ClickAsync("#release-form button[type=submit]");
        await page.WaitUntilAsync("document.body.dataset.release === 'sent'", "the release");

        Assert.Equal($"Sent to venus.flytrap@wkrp.com via 127.0.0.1:{relay.Port}.", (await page.EvaluateAsync("document.getElementById('release-status').textContent")).GetString());
        Assert.Equal(["venus.flytrap@wkrp.com"], (await relay.WaitForMessageAsync(TimeSpan.FromSeconds(20))).Recipients);
        await page.ScreenshotAsync(Screenshots.PathOf("message-release.png"));
    }

    [Fact]
    public void The_tool_reads_the_relay_as_TypedMail_settings_and_names_a_bad_option()
    {
        var options = Mailbox.Tool.ToolOptions.Parse(["--relay", "smtp.wkrp.example:587", "--relay-mode", "RequireStartTls", "--relay-user", "herb:drive-time"]);

        Assert.Equal("smtp.wkrp.example", options.Relay!.Host);
        Assert.Equal(587, options.Relay.Port);
        Assert.Equal(SessionMode.RequireStartTls, options.Relay.Mode);
        Assert.Equal(("herb", "drive-time"), (options.Relay.UserName, options.Relay.Password));
        Assert.Equal("--relay 'smtp.wkrp.example' must be HOST:PORT, the port from 1 to 65535 (e.g. smtp.example.com:587).",
            Assert.Throws<ArgumentException>(() => Mailbox.Tool.ToolOptions.Parse(["--relay", "smtp.wkrp.example"])).Message);
        Assert.StartsWith("--relay-mode 'Starttls' is not one of Upgradable, ImplicitTls, NeverTls, RequireStartTls",
            Assert.Throws<ArgumentException>(() => Mailbox.Tool.ToolOptions.Parse(["--relay", "h:25", "--relay-mode", "Starttls"])).Message, StringComparison.Ordinal);
        Assert.Equal("--relay-mode, --relay-user and --relay-certificate need --relay HOST:PORT.",
            Assert.Throws<ArgumentException>(() => Mailbox.Tool.ToolOptions.Parse(["--relay-user", "herb:x"])).Message);
    }

    private static async Task<MailboxServer> StartRelayAsync()
    {
        var options = new MailboxOptions { Security = MailboxSecurity.StartTls, RequireAuthentication = true };
        options.Users[RelayUser] = RelayPassword;
        return await MailboxServer.StartAsync(options);
    }

    private static SmtpSettings RelaySettings(MailboxServer relay) => new()
    {
        Host = relay.Host,
        Port = relay.Port,
        Mode = SessionMode.RequireStartTls,
        UserName = RelayUser,
        Password = RelayPassword,
        AcceptedServerCertificate = relay.Certificate,
    };
}
