using System.Collections.Concurrent;
using System.Threading;

namespace TypedMail;

/// <summary>The 4D facade's handle table: an int per message reference, thread-safe, never reusing a number.</summary>
internal static class MessageHandles
{
    /// <summary>How many messages may be open at once before SMTP_New returns 10003.</summary>
    public const int MaxOpen = 100_000;

    private static readonly ConcurrentDictionary<int, SmtpMessage> Open = new();
    private static int _last;

    public static int Count => Open.Count;

    public static bool TryAdd(SmtpMessage message, out int handle)
    {
        handle = 0;
        if (Open.Count >= MaxOpen)
        {
            return false;
        }

        handle = Interlocked.Increment(ref _last);
        Open[handle] = message;
        return true;
    }

    public static bool TryGet(int handle, out SmtpMessage message)
    {
        if (Open.TryGetValue(handle, out var found) && !found.IsDisposed)
        {
            message = found;
            return true;
        }

        message = null!;
        return false;
    }

    public static bool TryRemove(int handle, out SmtpMessage message)
    {
        if (Open.TryRemove(handle, out var found))
        {
            message = found;
            return true;
        }

        message = null!;
        return false;
    }
}
