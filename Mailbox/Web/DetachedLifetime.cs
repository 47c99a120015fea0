using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// A host lifetime that listens to no console signal: the web inbox stops with its owner (the tool's Ctrl+C stops the
/// SMTP servers and the inbox together), never on its own.
/// </summary>
internal sealed class DetachedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
