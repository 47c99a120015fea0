using System.Collections.Generic;
using MimeKit;
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Report")]
[TextBody("The report")]
public partial class Report
{
    [To] public required MailboxAddress Boss { get; init; }
    [Cc] public IEnumerable<MailboxAddress> Team { get; init; } = [];
    [Bcc] public InternetAddressList? Archive { get; init; }
    [ReplyTo] public InternetAddress? Desk { get; init; }
    [Cc] public IReadOnlyList<string> Watchers { get; init; } = [];
}

static class Caller
{
    static Report Use() => Report.Create().Boss(new MailboxAddress("Boss", "boss@example.com")).Team([new MailboxAddress("T", "t@example.com")]).Build();
}
