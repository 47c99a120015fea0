using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace TypedMail.Mailbox.Web.Checks;

/// <summary>
/// The DKIM public keys the inbox knows: TXT records given to it (<see cref="WebInboxOptions.DkimRecords"/>, the tool's
/// <c>--dkim-record</c>) by name, <c>{selector}._domainkey.{domain}</c>. A developer's inbox looks nothing up in DNS: the
/// key being tested may not be published yet.
/// </summary>
internal sealed class SuppliedDkimRecords : DkimPublicKeyLocatorBase
{
    private readonly Dictionary<string, string> _records;

    public SuppliedDkimRecords(IEnumerable<KeyValuePair<string, string>> records)
    {
        _records = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, record) in records)
        {
            _records[name.Trim().TrimEnd('.')] = record;
        }
    }

    public static string NameOf(string domain, string selector) => $"{selector}._domainkey.{domain}";

    public bool Has(string domain, string selector) => _records.ContainsKey(NameOf(domain, selector));

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
    {
        var name = NameOf(domain, selector);
        if (!_records.TryGetValue(name, out var record))
        {
            throw new KeyNotFoundException($"No DKIM record was supplied for {name}.");
        }

        return GetPublicKey(record);
    }

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
