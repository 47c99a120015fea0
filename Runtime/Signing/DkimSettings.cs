using System.Collections.Generic;

namespace TypedMail;

/// <summary>
/// The DKIM signature (RFC 6376) a sender puts on every message: the signing domain, the selector under which the public
/// key is published (<c>selector._domainkey.domain</c>), and the private key, either as PEM text or as a PEM file (one of
/// the two). Bindable from configuration (<c>"TypedMail:Dkim:Domain"</c>...). Signatures are relaxed/relaxed; an RSA key
/// signs with RSA-SHA256, an Ed25519 key with Ed25519-SHA256 (RFC 8463). The key is never logged.
/// </summary>
public sealed class DkimSettings
{
    /// <summary>
    /// The headers signed by default, each only when the message has it: the originator and recipient fields, the subject,
    /// the date and identity, the MIME structure, and the one-click unsubscribe pair (RFC 8058 requires both to be signed).
    /// </summary>
    public static IReadOnlyList<string> DefaultSignedHeaders { get; } = new[]
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "List-Unsubscribe", "List-Unsubscribe-Post",
    };

    /// <summary>The signing domain (<c>d=</c>), e.g. <c>example.com</c>; usually the domain of the From address.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>): the public key is published as a TXT record at <c>{Selector}._domainkey.{Domain}</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>The private key as PEM text (PKCS#1 <c>RSA PRIVATE KEY</c> or PKCS#8 <c>PRIVATE KEY</c>, unencrypted). Never logged.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>The path of a PEM file holding the private key, read when the sender is created (relative to the current directory).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>
    /// The headers to sign, each only when present; <see langword="null"/> or empty means <see cref="DefaultSignedHeaders"/>.
    /// Must contain From; must not contain Bcc, Resent-Bcc, Return-Path, Received, Comments, Keywords or DKIM-Signature.
    /// </summary>
    public string[]? SignedHeaders { get; set; }

    /// <summary>The domain and selector only: the key never appears in a log or a debugger's summary.</summary>
    public override string ToString() => $"DKIM d={Domain} s={Selector}";
}
