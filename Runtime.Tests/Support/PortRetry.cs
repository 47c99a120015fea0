using System;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>
/// For the few tests that must bind again a port a stopped server has just released: a parallel test's port-0 bind
/// can take it in between, so the whole scenario is rerun (on a fresh port) when the bind finds the port in use.
/// </summary>
internal static class PortRetry
{
    private const int Attempts = 5;

    public static async Task WhenTakenAsync(Func<Task> scenario)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await scenario();
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < Attempts)
            {
                // Taken by someone else: start over.
            }
        }
    }
}
