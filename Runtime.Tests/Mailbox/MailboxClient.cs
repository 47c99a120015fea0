using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TypedMail.Mailbox;
using MailKitResponse = MailKit.Net.Smtp.SmtpResponse;

namespace TypedMail.Runtime.Tests.Mailbox;

/// <summary>
/// MailKit's client, pointed at one mailbox: it trusts exactly that mailbox's certificate,
/// keeps the wire transcript, and records refused recipients instead of abandoning the message.
/// </summary>
internal sealed class MailboxClient : SmtpClient
{
    private readonly MemoryStream _transcript;
    private readonly MailboxServer _mailbox;
    private readonly List<(string Address, int Status, string Text)> _refused = new();

    private MailboxClient(MailboxServer mailbox, MemoryStream transcript)
        : base(new ProtocolLogger(transcript, leaveOpen: true))
    {
        _mailbox = mailbox;
        _transcript = transcript;
        Timeout = 10_000;
        ServerCertificateValidationCallback = TrustsOnlyTheMailbox;
    }

    public static MailboxClient For(MailboxServer mailbox) => new(mailbox, new MemoryStream());

    /// <summary>How many times the server's certificate was checked (and matched).</summary>
    public int CertificateChecks { get; private set; }

    /// <summary>Recipients the server refused, with its reply.</summary>
    public IReadOnlyList<(string Address, int Status, string Text)> Refused => _refused;

    /// <summary>Everything said on the wire so far ("C: " client, "S: " server).</summary>
    public string Transcript => Encoding.UTF8.GetString(_transcript.ToArray());

    public Task ConnectAsync(SecureSocketOptions security) =>
        ConnectAsync(_mailbox.Host, _mailbox.Port, security, CancellationToken.None);

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, MailKitResponse response)
    {
        // The runtime's semantics: a refused recipient does not stop delivery to the others.
        _refused.Add((mailbox.Address, (int)response.StatusCode, response.Response));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _transcript.Dispose();
        }
    }

    private bool TrustsOnlyTheMailbox(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var trusted = certificate is not null
            && certificate.GetCertHashString(HashAlgorithmName.SHA256)
               == _mailbox.Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (trusted)
        {
            CertificateChecks++;
        }

        return trusted;
    }
}
