using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail;

/// <summary>
/// Runs a mail merge: exactly one result per input message, in input order, whatever a message throws. The merge goes
/// on after a failed message; it stops when the session could not be opened twice in a row (the server cannot be
/// reached again: the rest are 12020, not attempted) or when the caller cancels (the rest are 10000, not attempted).
/// </summary>
internal static class MailMerge
{
    public static async Task<IReadOnlyList<SendResult>> RunAsync<T>(IEnumerable<T> messages, Func<T, CancellationToken, Task<SendResult>> send,
        IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var all = messages as IReadOnlyList<T> ?? messages.ToList();
        var results = new List<SendResult>(all.Count);
        var openingFailures = 0;
        foreach (var message in all)
        {
            SendResult result;
            if (cancellationToken.IsCancellationRequested)
            {
                result = SendResult.NotAttempted(ErrorCodes.Cancelled, "The merge was cancelled before this message.");
            }
            else if (openingFailures >= 2)
            {
                result = SendResult.NotAttempted(ErrorCodes.NotAttempted, "The merge stopped: the session could not be opened twice in a row.");
            }
            else
            {
                result = await SendOneAsync(message, send, cancellationToken).ConfigureAwait(false);
                openingFailures = result.OpeningFailed ? openingFailures + 1 : 0;
            }

            results.Add(result);
            progress?.Report(new SendProgress(results.Count, all.Count, result));
        }

        return results;
    }

    private static async Task<SendResult> SendOneAsync<T>(T message, Func<T, CancellationToken, Task<SendResult>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SendResult.NotAttempted(ErrorCodes.Cancelled, "The merge was cancelled before this message was sent.");
        }
        catch (Exception ex)
        {
            // Rendering threw (or a send threw instead of returning a result): this message is accounted for, the merge goes on.
            return RenderFailure.From(ex);
        }
    }
}
