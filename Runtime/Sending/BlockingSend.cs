using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TypedMail;

/// <summary>
/// A send run to its end for a caller that must block (4D's commands are synchronous). Without a synchronization
/// context the send uses MailKit's blocking calls on the caller's thread: it holds that one thread and needs none from
/// the thread pool (blocking on the async path held the caller and needed pool threads for every continuation). A
/// caller with a synchronization context (a UI thread) gets the async path on the pool instead, so that code awaited
/// inside the send (an access-token provider) can never wait for the blocked context. Either way a call holds its
/// thread for the whole send: many concurrent calls belong on threads of their own, not on pool threads
/// (FacadeConcurrencyBenchmarks; docs/porting-from-4d.md).
/// </summary>
internal static class BlockingSend
{
    public static SendResult Run(SmtpSettings settings, ILogger? logger, Func<SmtpSender, Task<SendResult>> send)
    {
        if (SynchronizationContext.Current is null)
        {
            // Disposing sends QUIT, synchronously too.
            using var sender = new SmtpSender(settings, logger, synchronous: true);
            return send(sender).GetAwaiter().GetResult();
        }

        return Task.Run(async () =>
        {
            var sender = new SmtpSender(settings, logger);
            await using (sender.ConfigureAwait(false))
            {
                return await send(sender).ConfigureAwait(false);
            }
        }).GetAwaiter().GetResult();
    }
}
