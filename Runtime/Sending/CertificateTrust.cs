using System;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TypedMail;

/// <summary>
/// Server certificate validation: always on; an explicitly accepted certificate (or its SHA-256 thumbprint) or a
/// caller's callback are the only exceptions.
/// </summary>
internal static class CertificateTrust
{
    /// <summary>The length of a SHA-256 thumbprint in hex digits.</summary>
    public const int ThumbprintHexLength = 64;

    public static RemoteCertificateValidationCallback Create(SmtpSettings settings)
    {
        if (settings.ServerCertificateValidationCallback is { } callback)
        {
            return callback;
        }

        var acceptedHash = settings.AcceptedServerCertificate?.GetCertHash();
        // A malformed thumbprint trusts nothing more (AddTypedMail's start-up validation names it; a TLS failure is 12001).
        byte[]? trustedThumbprint;
        try
        {
            trustedThumbprint = ParseThumbprint(settings.TrustedCertificateThumbprint);
        }
        catch (FormatException)
        {
            trustedThumbprint = null;
        }

        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (acceptedHash is not null && certificate is not null && certificate.GetCertHash().SequenceEqual(acceptedHash))
            || (trustedThumbprint is not null && certificate is not null && Sha256(certificate).SequenceEqual(trustedThumbprint));
    }

    /// <summary>The SHA-256 thumbprint of a certificate as upper-case hex, as <c>typedmail-mailbox</c> prints it.</summary>
    public static string Thumbprint(X509Certificate certificate) =>
        BitConverter.ToString(Sha256(certificate)).Replace("-", string.Empty);

    /// <summary>
    /// The bytes of a thumbprint given as hex (colons, spaces and case ignored); <see langword="null"/> when none is given;
    /// an <see cref="FormatException"/> when it is not 64 hex digits.
    /// </summary>
    public static byte[]? ParseThumbprint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var hex = new string(text!.Where(static c => c != ':' && !char.IsWhiteSpace(c)).ToArray());
        if (hex.Length != ThumbprintHexLength || !hex.All(Uri.IsHexDigit))
        {
            throw new FormatException($"'{text}' is not a SHA-256 thumbprint ({ThumbprintHexLength} hex digits).");
        }

        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Convert.ToByte(hex.Substring(i * 2, 2), 16);
        }

        return bytes;
    }

    private static byte[] Sha256(X509Certificate certificate)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(certificate.GetRawCertData());
    }
}
