using System;
using System.IO;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>
/// Where the browser tests save their screenshots: TYPEDMAIL_SCREENSHOTS when set (docs/images to refresh docs/mailbox.md's),
/// else a folder beside the test assembly, so a test run never changes tracked files.
/// </summary>
internal static class Screenshots
{
    public static string PathOf(string name)
    {
        var folder = Environment.GetEnvironmentVariable("TYPEDMAIL_SCREENSHOTS") is { Length: > 0 } chosen
            ? chosen
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        return Path.Combine(folder, name);
    }
}
