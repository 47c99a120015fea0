using System;
using System.IO;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>A DKIM key pair made for a test: the private key as PEM, and the DNS TXT record a receiver would look up.</summary>
internal sealed class DkimTestKey
{
    private static readonly Lazy<DkimTestKey> SharedRsa = new(() => NewRsa(2048));
    private static readonly Lazy<DkimTestKey> SharedEd25519 = new(NewEd25519);

    private DkimTestKey(string privateKeyPem, string dnsRecord)
    {
        PrivateKeyPem = privateKeyPem;
        DnsRecord = dnsRecord;
    }

    /// <summary>One 2048-bit RSA key for the whole run (generating one takes a while).</summary>
    public static DkimTestKey Rsa => SharedRsa.Value;

    public static DkimTestKey Ed25519 => SharedEd25519.Value;

    public string PrivateKeyPem { get; }

    /// <summary>The TXT record's text, as published at selector._domainkey.domain (RFC 6376 §3.6.1, RFC 8463).</summary>
    public string DnsRecord { get; }

    public static DkimTestKey NewRsa(int bits)
    {
        using var rsa = RSA.Create(bits);
        return new DkimTestKey(rsa.ExportRSAPrivateKeyPem(), "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
    }

    public static DkimTestKey NewEd25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(new Org.BouncyCastle.OpenSsl.Pkcs8Generator(pair.Private));
        writer.Writer.Flush();
        var publicKey = ((Ed25519PublicKeyParameters)pair.Public).GetEncoded();
        return new DkimTestKey(text.ToString(), "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(publicKey));
    }

    /// <summary>Settings that sign with this key for <paramref name="domain"/> and <paramref name="selector"/>.</summary>
    public DkimSettings Settings(string domain = DkimReceiver.Domain, string selector = DkimReceiver.Selector) =>
        new() { Domain = domain, Selector = selector, PrivateKeyPem = PrivateKeyPem };
}
