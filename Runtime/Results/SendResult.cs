using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TypedMail;

/// <summary>
/// The outcome of one send: the code of <see cref="ErrorCodes"/>, the server's status and text, and one outcome per
/// recipient. Server and network failures are results, never exceptions.
/// </summary>
public sealed class SendResult
{
    private static readonly Regex EnhancedStatusPattern = new(@"^\s*([245]\.\d{1,3}\.\d{1,3})\b", RegexOptions.CultureInvariant);

    internal SendResult(int code, bool delivered, int? smtpStatus, string? serverText, string? detail,
        IReadOnlyList<RecipientOutcome> recipients, string? messageId = null, SendOutcome? outcome = null)
    {
        Code = code;
        Delivered = delivered;
        Outcome = outcome ?? code switch
        {
            ErrorCodes.NoError => SendOutcome.Delivered,
            ErrorCodes.PartiallyDelivered => SendOutcome.PartiallyDelivered,
            ErrorCodes.OutcomeUnknown => SendOutcome.Unknown,
            ErrorCodes.NotAttempted => SendOutcome.NotAttempted,
            _ => delivered ? SendOutcome.PartiallyDelivered : SendOutcome.NotDelivered,
        };
        SmtpStatus = smtpStatus;
        ServerText = serverText;
        EnhancedStatus = ParseEnhancedStatus(serverText);
        Recipients = recipients;
        MessageId = messageId;
        var text = ErrorCodes.Text(code);
        ErrorText = string.IsNullOrEmpty(detail) ? text : text + " " + detail;
    }

    /// <summary>0 on success; otherwise one of <see cref="ErrorCodes"/> (a negative network code, an SMTP reply code...).</summary>
    public int Code { get; }

    /// <summary>Whether every recipient accepted the message and it was delivered (<see cref="Code"/> is 0).</summary>
    public bool Succeeded => Code == ErrorCodes.NoError;

    /// <summary>Whether the server accepted the message data for at least one recipient (true with a partial refusal, 12014).</summary>
    public bool Delivered { get; }

    /// <summary>What happened to the message: delivered, partially, not, unknown (12013) or not attempted. A merge resends only <see cref="SendOutcome.NotDelivered"/> and <see cref="SendOutcome.NotAttempted"/> messages safely.</summary>
    public SendOutcome Outcome { get; }

    /// <summary>The SMTP reply code behind <see cref="Code"/> (e.g. 550), when the server answered.</summary>
    public int? SmtpStatus { get; }

    /// <summary>The RFC 3463 enhanced status at the start of the server's text (e.g. "5.7.8"), when it gave one.</summary>
    public string? EnhancedStatus { get; }

    /// <summary>The server's reply text.</summary>
    public string? ServerText { get; }

    /// <summary>The sentence for <see cref="Code"/> (as <c>IT_ErrorText</c>) followed by the detail of this failure.</summary>
    public string ErrorText { get; }

    /// <summary>One outcome per envelope recipient, in envelope order (empty when the session failed before RCPT TO).</summary>
    public IReadOnlyList<RecipientOutcome> Recipients { get; }

    /// <summary>The Message-Id of the message sent (or attempted).</summary>
    public string? MessageId { get; }

    /// <summary>Whether the session could not be opened (connect, TLS or AUTH failed): a merge stops after two in a row.</summary>
    internal bool OpeningFailed { get; set; }

    /// <inheritdoc />
    public override string ToString() => Code == 0 ? "0: sent" : Code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + ErrorText;

    internal static SendResult Failure(int code, string? detail, int? smtpStatus = null, string? serverText = null,
        IReadOnlyList<RecipientOutcome>? recipients = null, string? messageId = null) =>
        new(code, false, smtpStatus, serverText, detail, recipients ?? Array.Empty<RecipientOutcome>(), messageId);

    /// <summary>A message of which nothing went on the wire: <paramref name="code"/> says why (10000 cancelled, 12020 the merge stopped).</summary>
    internal static SendResult NotAttempted(int code, string? detail, string? messageId = null) =>
        new(code, false, null, null, detail, Array.Empty<RecipientOutcome>(), messageId, SendOutcome.NotAttempted);

    private static string? ParseEnhancedStatus(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = EnhancedStatusPattern.Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }
}
