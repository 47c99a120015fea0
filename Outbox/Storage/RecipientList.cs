using System;
using System.Collections.Generic;

namespace TypedMail.Outbox;

/// <summary>Envelope recipients as stored: one address per line (an address never holds a line break: the writer refuses them).</summary>
internal static class RecipientList
{
    public static string Join(IReadOnlyList<string> recipients) => string.Join("\n", recipients);

    public static IReadOnlyList<string> Split(string stored) => stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
