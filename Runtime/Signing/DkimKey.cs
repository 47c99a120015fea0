using System;
using System.IO;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace TypedMail;

/// <summary>A DKIM private key read from PEM, with the algorithm it signs with. Errors never quote the key.</summary>
internal sealed class DkimKey
{
    /// <summary>Receivers treat shorter RSA keys as no signature at all (RFC 8301).</summary>
    public const int MinimumRsaBits = 1024;

    private DkimKey(AsymmetricKeyParameter privateKey, DkimSignatureAlgorithm algorithm)
    {
        PrivateKey = privateKey;
        Algorithm = algorithm;
    }

    public AsymmetricKeyParameter PrivateKey { get; }

    public DkimSignatureAlgorithm Algorithm { get; }

    /// <summary>Reads the key of <paramref name="settings"/> (its PEM text or its file); null with <paramref name="problem"/> when it cannot.</summary>
    public static DkimKey? Load(DkimSettings settings, out string? problem)
    {
        string pem;
        string origin;
        if (!string.IsNullOrWhiteSpace(settings.PrivateKeyPem))
        {
            pem = settings.PrivateKeyPem!;
            origin = "Dkim:PrivateKeyPem";
        }
        else
        {
            origin = $"Dkim:PrivateKeyFile '{settings.PrivateKeyFile}'";
            try
            {
                pem = File.ReadAllText(settings.PrivateKeyFile!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problem = $"{origin} cannot be read: {ex.Message}";
                return null;
            }
        }

        return Parse(pem, origin, out problem);
    }

    private static DkimKey? Parse(string pem, string origin, out string? problem)
    {
        object? read;
        try
        {
            read = new PemReader(new StringReader(pem)).ReadObject();
        }
        catch (Exception ex) when (ex is IOException or PemException or ArgumentException or InvalidCastException or PasswordException)
        {
            // The exception's text could carry part of the key: only its kind is reported.
            problem = $"{origin} is not a readable unencrypted PEM private key ({ex.GetType().Name}).";
            return null;
        }

        var key = read switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter parameter => parameter,
            _ => null,
        };
        switch (key)
        {
            case null:
                problem = $"{origin} holds no PEM private key (expected '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----').";
                return null;
            case { IsPrivate: false }:
                problem = $"{origin} holds a public key; DKIM signing needs the private key (the public key goes in DNS).";
                return null;
            case RsaKeyParameters rsa when rsa.Modulus.BitLength < MinimumRsaBits:
                problem = $"{origin} is a {rsa.Modulus.BitLength}-bit RSA key; receivers ignore DKIM signatures from keys under {MinimumRsaBits} bits (use 2048).";
                return null;
            case RsaKeyParameters:
                problem = null;
                return new DkimKey(key, DkimSignatureAlgorithm.RsaSha256);
            case Ed25519PrivateKeyParameters:
                problem = null;
                return new DkimKey(key, DkimSignatureAlgorithm.Ed25519Sha256);
            default:
                problem = $"{origin} is a {key.GetType().Name.Replace("PrivateKeyParameters", string.Empty)} key; DKIM signs with RSA or Ed25519 keys only.";
                return null;
        }
    }
}
