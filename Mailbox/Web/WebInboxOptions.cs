using System.Collections.Generic;
using System.Reflection;

namespace TypedMail.Mailbox.Web;

/// <summary>How a <see cref="WebInbox"/> listens, what it shows at start and which message types it previews.</summary>
public sealed class WebInboxOptions
{
    /// <summary>The loopback HTTP port; 0 takes a free one, reported by <see cref="WebInbox.Address"/>.</summary>
    public int Port { get; set; }

    /// <summary>
    /// A folder of .eml files kept by earlier runs (the servers' <see cref="MailboxOptions.EmlDirectory"/>): they are
    /// listed at start, with their envelope and session facts when these were kept beside them.
    /// </summary>
    public string? StoreDirectory { get; set; }

    /// <summary>Assemblies already loaded whose <c>[MailMessage]</c> classes and <c>[PreviewData]</c> samples the Previews page shows.</summary>
    public IList<Assembly> PreviewAssemblies { get; } = new List<Assembly>();

    /// <summary>
    /// DKIM public keys for the DKIM tab, as DNS would publish them: the record's name
    /// (<c>{selector}._domainkey.{domain}</c>) to its TXT text (<c>v=DKIM1; k=rsa; p=…</c>). Nothing is looked up in DNS.
    /// </summary>
    public IDictionary<string, string> DkimRecords { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The SpamAssassin program for the SpamAssassin tab: a name looked up on PATH, or a path. When it is not there the
    /// tab says so (and how to install it).
    /// </summary>
    public string SpamAssassin { get; set; } = "spamassassin";

    /// <summary>
    /// The real SMTP server a message can be released to (forwarded, for a final look in a real client): host, port,
    /// mode (STARTTLS...), credentials and certificate trust, as any TypedMail sender takes them. Null: no Release.
    /// </summary>
    public SmtpSettings? Relay { get; set; }

    /// <summary>Paths of application assemblies (.dll) to load, in a context of their own, for the Previews page.</summary>
    public IList<string> PreviewAssemblyPaths { get; } = new List<string>();
}
