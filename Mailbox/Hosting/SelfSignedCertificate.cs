using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TypedMail.Mailbox.Hosting;

/// <summary>The certificate a mailbox uses for TLS when it is given none.</summary>
internal static class SelfSignedCertificate
{
    // One per process: RSA key generation is slow and every test starts its own server.
    private static readonly Lazy<X509Certificate2> Shared = new(Create);

    /// <summary>The process-wide self-signed certificate for "localhost" and 127.0.0.1.</summary>
    public static X509Certificate2 ForLoopback => Shared.Value;

    /// <summary>
    /// The certificate kept in <paramref name="path"/> (a PFX), made and saved there on first use, so that its thumbprint
    /// stays the same from one start to the next and an application trusting it keeps working; the per-process one when
    /// the file cannot be read or written.
    /// </summary>
    public static X509Certificate2 Persistent(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                var kept = X509CertificateLoader.LoadPkcs12FromFile(path, null);
                if (kept.NotAfter > DateTime.Now.AddDays(7) && kept.HasPrivateKey)
                {
                    return kept;
                }

                kept.Dispose();
            }

            var made = Create();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, made.Export(X509ContentType.Pfx));
            return made;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return ForLoopback;
        }
    }

    /// <summary>The SHA-256 thumbprint of <paramref name="certificate"/> in hex, the form <c>SmtpSettings.TrustedCertificateThumbprint</c> takes.</summary>
    public static string Sha256Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));

        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // An ephemeral key cannot serve SslStream on Linux: round-trip through PFX to get a usable one.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
