using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using MimeKit.Cryptography;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>
/// What a receiving server does with a DKIM signature, twice and independently: MimeKit's DkimVerifier, and Debian's
/// dkimpy run by /usr/bin/python3; both look the public key up in a local table instead of DNS.
/// </summary>
internal static class DkimReceiver
{
    public const string Domain = "wkrp.com";
    public const string Selector = "cincinnati";
    public const string PythonProbe = "/usr/lib/python3/dist-packages/dkim";
    public const string PythonPackage = "python3-dkim";
    private const string Python = "/usr/bin/python3";

    private const string DkimpyScript = """
        import sys, json, dkim
        records = json.loads(sys.argv[1])
        def lookup(name, timeout=5):
            name = name.decode() if isinstance(name, bytes) else name
            record = records.get(name.rstrip('.').lower())
            return record.encode() if record is not None else None
        message = sys.stdin.buffer.read()
        print('pass' if dkim.verify(message, dnsfunc=lookup) else 'fail')
        """;

    /// <summary>MimeKit's verdict on the message's first DKIM-Signature, the key taken from <paramref name="dnsRecord"/>.</summary>
    public static bool VerifiesWithMimeKit(byte[] rawMime, string dnsRecord, string domain = Domain, string selector = Selector)
    {
        var message = MimeMessage.Load(new MemoryStream(rawMime));
        var signature = message.Headers.FirstOrDefault(h => h.Id == HeaderId.DkimSignature);
        Assert.True(signature is not null, "The received message has no DKIM-Signature header.");
        var verifier = new DkimVerifier(new LocalKeys(new Dictionary<string, string> { [$"{selector}._domainkey.{domain}"] = dnsRecord }));
        return verifier.Verify(message, signature!);
    }

    /// <summary>dkimpy's verdict ("pass" or "fail") on the message's first signature, or a failure naming what is missing.</summary>
    public static async Task<string> VerifyWithDkimpyAsync(byte[] rawMime, string dnsRecord, string domain = Domain, string selector = Selector)
    {
        DebianTool.Require(PythonProbe, PythonPackage);
        var records = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [$"{selector}._domainkey.{domain}".ToLowerInvariant()] = dnsRecord });
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(DkimpyScript);
        start.ArgumentList.Add(records);
        using var process = Process.Start(start)!;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(bound.Token);
        var errors = process.StandardError.ReadToEndAsync(bound.Token);
        await process.StandardInput.BaseStream.WriteAsync(rawMime, bound.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(bound.Token);
        Assert.True(process.ExitCode == 0, $"dkimpy failed (exit {process.ExitCode}): {await errors}");
        return (await output).Trim();
    }

    private sealed class LocalKeys : DkimPublicKeyLocatorBase
    {
        private readonly IReadOnlyDictionary<string, string> _records;

        public LocalKeys(IReadOnlyDictionary<string, string> records) => _records = records;

        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            _records.TryGetValue($"{selector}._domainkey.{domain}", out var record)
                ? GetPublicKey(record)
                : throw new InvalidOperationException($"No DKIM key published for {selector}._domainkey.{domain}.");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
