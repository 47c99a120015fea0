using System;
using System.Collections.Generic;
using System.Linq;
using MimeKit;
using MimeKit.Cryptography;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web.Checks;

/// <summary>Verifies each DKIM-Signature of a message with MimeKit's <see cref="DkimVerifier"/>, against the supplied records.</summary>
internal sealed class DkimCheck
{
    private readonly SuppliedDkimRecords _records;

    public DkimCheck(SuppliedDkimRecords records) => _records = records;

    public DkimJson Verify(MimeMessage message)
    {
        var verifier = new DkimVerifier(_records);
        var results = new List<DkimSignatureJson>();
        foreach (var header in message.Headers.Where(header => header.Id == HeaderId.DkimSignature))
        {
            var tags = Tags(header.Value);
            var domain = tags.GetValueOrDefault("d") ?? string.Empty;
            var selector = tags.GetValueOrDefault("s") ?? string.Empty;
            var algorithm = tags.GetValueOrDefault("a") ?? string.Empty;
            var signed = tags.GetValueOrDefault("h") ?? string.Empty;
            var name = SuppliedDkimRecords.NameOf(domain, selector);
            if (!_records.Has(domain, selector))
            {
                results.Add(new DkimSignatureJson(domain, selector, algorithm, signed, "no-key",
                    $"No DNS record for {name} was given: start the inbox with --dkim-record {name}=FILE (the TXT record's text, e.g. \"v=DKIM1; k=rsa; p=…\")."));
                continue;
            }

            try
            {
                var valid = verifier.Verify(message, header);
                results.Add(new DkimSignatureJson(domain, selector, algorithm, signed, valid ? "pass" : "fail",
                    valid
                        ? $"The signature matches the headers it covers and the body, with the key of {name}."
                        : "The signature does not match: a signed header or the body changed after signing, or the key is not the signer's."));
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException or InvalidOperationException or KeyNotFoundException)
            {
                results.Add(new DkimSignatureJson(domain, selector, algorithm, signed, "error", exception.Message));
            }
        }

        return new DkimJson(results);
    }

    private static Dictionary<string, string> Tags(string value)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in value.Split(';'))
        {
            var equals = tag.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                tags[tag[..equals].Trim()] = string.Concat(tag[(equals + 1)..].Where(c => !char.IsWhiteSpace(c)));
            }
        }

        return tags;
    }
}
