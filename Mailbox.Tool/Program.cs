// typedmail-mailbox: SMTP on loopback and its web inbox until Ctrl+C (see MailboxTool and docs/mailbox.md).
using System;
using System.Runtime.InteropServices;
using System.Threading;
using TypedMail.Mailbox.Tool;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop cleanly instead of being killed: the servers close their sessions and the inbox its connections.
    e.Cancel = true;
    stop.Cancel();
};
// SIGINT and SIGTERM directly as well: with output redirected (a script, a test) Console's Ctrl+C event is not the only
// way the signal arrives, and a registration per signal stops the same way whichever comes.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await MailboxTool.RunAsync(args, Console.Out, Console.Error, stop.Token);
