using System;
using System.Collections.Generic;
using System.Linq;

namespace TypedMail.Testing;

/// <summary>The results a <see cref="RecordingSmtpSender"/> gives: success unless a failure or a refused recipient is scripted.</summary>
internal sealed class ScriptedOutcomes
{
    private readonly Dictionary<string, (int Status, string Text)> _refused = new(StringComparer.OrdinalIgnoreCase);
    private (int Code, string? Detail)? _failure;

    public void Refuse(string address, int status, string text) => _refused[address] = (status, text);

    public void FailWith(int code, string? detail) => _failure = (code, detail);

    public void Reset()
    {
        _refused.Clear();
        _failure = null;
    }

    public SendResult ResultFor(IReadOnlyList<string> recipients, string? messageId)
    {
        if (_failure is { } failure)
        {
            return SendResult.Failure(failure.Code, failure.Detail, messageId: messageId);
        }

        var outcomes = recipients
            .Select(r => _refused.TryGetValue(r, out var refusal)
                ? new RecipientOutcome(r, false, refusal.Status, refusal.Text)
                : new RecipientOutcome(r, true, 250, "2.1.5 Recipient OK"))
            .ToList();
        var firstRefused = outcomes.FirstOrDefault(o => !o.Accepted);
        if (firstRefused is null)
        {
            return new SendResult(ErrorCodes.NoError, true, 250, "2.0.0 Recorded (TypedMail.Testing)", null, outcomes, messageId);
        }

        var accepted = outcomes.Count(o => o.Accepted);
        return accepted == 0
            ? SendResult.Failure(firstRefused.SmtpStatus!.Value, $"{firstRefused.Address} was refused; no recipient was accepted.",
                firstRefused.SmtpStatus, firstRefused.ServerText, outcomes, messageId)
            : new SendResult(firstRefused.SmtpStatus!.Value, true, firstRefused.SmtpStatus, firstRefused.ServerText,
                $"{firstRefused.Address} was refused; the message went to the {accepted} other recipient(s).", outcomes, messageId);
    }
}
