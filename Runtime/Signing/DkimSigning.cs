using System;
using System.Collections.Generic;
using System.Linq;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Utils;

namespace TypedMail;

/// <summary>
/// A sender's DKIM signer, built once from <see cref="DkimSettings"/>: either ready to sign, or holding the reason it
/// cannot (then every send fails with that reason, nothing on the wire).
/// </summary>
internal sealed class DkimSigning
{
    /// <summary>Headers a signature must not cover: they change in transit or must not be seen (RFC 6376 §5.4).</summary>
    private static readonly string[] Unsignable = { "Bcc", "Resent-Bcc", "Return-Path", "Received", "Comments", "Keywords", "DKIM-Signature" };

    private readonly DkimSigner? _signer;
    private readonly string[] _headers;
    private readonly string _domain;
    private readonly string _selector;

    private DkimSigning(DkimSettings settings)
    {
        _domain = settings.Domain?.Trim() ?? string.Empty;
        _selector = settings.Selector?.Trim() ?? string.Empty;
        _headers = HeadersOf(settings);
        var problems = Problems(settings, out var key);
        if (problems.Count > 0)
        {
            Error = "DKIM: " + string.Join(" ", problems);
            _headers = Array.Empty<string>();
            return;
        }

        _signer = new DkimSigner(key!.PrivateKey, _domain, _selector, key.Algorithm)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
    }

    /// <summary>Why this signer cannot sign; null when it can.</summary>
    public string? Error { get; }

    /// <summary>The signer for <paramref name="settings"/>; null when there are none.</summary>
    public static DkimSigning? From(DkimSettings? settings) => settings is null ? null : new DkimSigning(settings);

    /// <summary>Everything wrong with <paramref name="settings"/>, the key included; empty when a sender can sign with them.</summary>
    public static IReadOnlyList<string> Check(DkimSettings settings) => Problems(settings, out _);

    /// <summary>
    /// Signs the final message in place: a missing Date or Message-ID is set first, every part is made 7-bit safe (so no
    /// server or relay re-encodes the body under the signature), and a signature this signer put on it before is replaced.
    /// Returns why it could not sign, or null.
    /// </summary>
    public string? Sign(MimeMessage message)
    {
        if (_signer is null)
        {
            return Error;
        }

        if (!message.Headers.Contains(HeaderId.Date))
        {
            message.Date = DateTimeOffset.Now;
        }

        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeUtils.GenerateMessageId(_domain);
        }

        if (!message.Headers.Contains(HeaderId.From))
        {
            return "DKIM: the message has no From header; a DKIM signature must cover From.";
        }

        RemovePreviousSignatures(message);
        message.Prepare(EncodingConstraint.SevenBit);
        var present = _headers.Where(h => IsPresent(message, h)).ToList();
        try
        {
            _signer.Sign(message, present);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return $"DKIM: the message could not be signed: {ex.Message}";
        }
    }

    /// <summary>The body's own headers (Content-Type...) are written with the message's, and signed with them.</summary>
    private static bool IsPresent(MimeMessage message, string header) =>
        message.Headers.Contains(header)
        || (header.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && message.Body is not null && message.Body.Headers.Contains(header));

    private static List<string> Problems(DkimSettings settings, out DkimKey? key)
    {
        key = null;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Domain) || settings.Domain!.Trim().Any(c => char.IsWhiteSpace(c) || c == ';'))
        {
            problems.Add("Dkim:Domain is required: the signing domain (d=), e.g. example.com.");
        }

        if (string.IsNullOrWhiteSpace(settings.Selector) || settings.Selector!.Trim().Any(c => char.IsWhiteSpace(c) || c == ';'))
        {
            problems.Add("Dkim:Selector is required: the selector (s=) under which the public key is published ({Selector}._domainkey.{Domain}).");
        }

        var hasPem = !string.IsNullOrWhiteSpace(settings.PrivateKeyPem);
        var hasFile = !string.IsNullOrWhiteSpace(settings.PrivateKeyFile);
        if (hasPem == hasFile)
        {
            problems.Add(hasPem
                ? "Dkim: give either PrivateKeyPem or PrivateKeyFile, not both."
                : "Dkim: a private key is required: set PrivateKeyPem (PEM text) or PrivateKeyFile (path of a PEM file).");
        }
        else
        {
            key = DkimKey.Load(settings, out var keyProblem);
            if (keyProblem is not null)
            {
                problems.Add(keyProblem);
            }
        }

        var headers = HeadersOf(settings);
        if (!headers.Contains("From", StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("Dkim:SignedHeaders must contain From (RFC 6376 §5.4).");
        }

        var refused = headers.Where(h => Unsignable.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (refused.Count > 0)
        {
            problems.Add($"Dkim:SignedHeaders must not contain {string.Join(", ", refused)}: it is hidden or changes in transit.");
        }

        return problems;
    }

    private static string[] HeadersOf(DkimSettings settings) =>
        settings.SignedHeaders is { Length: > 0 } listed
            ? listed.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()
            : DkimSettings.DefaultSignedHeaders.ToArray();

    private void RemovePreviousSignatures(MimeMessage message)
    {
        var ours = message.Headers.Where(h => h.Id == HeaderId.DkimSignature && string.Equals(Tag(h.Value, "d"), _domain, StringComparison.OrdinalIgnoreCase) && Tag(h.Value, "s") == _selector).ToList();
        foreach (var header in ours)
        {
            message.Headers.Remove(header);
        }
    }

    private static string? Tag(string signature, string name) =>
        signature.Split(';')
            .Select(t => t.Split(new[] { '=' }, 2))
            .Where(t => t.Length == 2 && string.Equals(t[0].Trim(), name, StringComparison.Ordinal))
            .Select(t => string.Concat(t[1].Where(c => !char.IsWhiteSpace(c))))
            .FirstOrDefault();
}
