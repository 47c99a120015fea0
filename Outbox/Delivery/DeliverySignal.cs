using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Outbox;

/// <summary>Wakes this process's worker when something was enqueued, so delivery does not wait for the next poll.</summary>
internal sealed class DeliverySignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(System.TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
