using System;
using System.Collections.Generic;
using System.Linq;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>
/// Where the scripted server cuts a reply into pieces written apart (a proxy, a TLS record boundary, a server that
/// writes in pieces): at random byte boundaries (inside the reply code, between the lines of a multi-line reply), and
/// always after the first byte of a reply that starts with <see cref="AlwaysSplit"/>.
/// </summary>
internal sealed class ReplyFragmenter
{
    private readonly Random? _random;
    private readonly object _lock = new();

    /// <param name="seed">The seed of the random cuts, or null for none (only <paramref name="alwaysSplit"/>).</param>
    /// <param name="alwaysSplit">Replies starting with this are always cut after their first byte (e.g. "354").</param>
    public ReplyFragmenter(int? seed, string? alwaysSplit = null)
    {
        _random = seed is { } s ? new Random(s) : null;
        AlwaysSplit = alwaysSplit;
    }

    /// <summary>Replies starting with this are always cut after their first byte, or null.</summary>
    public string? AlwaysSplit { get; }

    /// <summary>The pause between two pieces, long enough for the client to read each alone.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>The ascending cut offsets (each between 1 and <paramref name="length"/> - 1) of a reply of <paramref name="length"/> bytes.</summary>
    public IReadOnlyList<int> Cuts(string reply, int length)
    {
        var cuts = new SortedSet<int>();
        if (AlwaysSplit is not null && reply.StartsWith(AlwaysSplit, StringComparison.Ordinal) && length > 1)
        {
            cuts.Add(1);
        }

        if (_random is not null && length > 1)
        {
            lock (_lock)
            {
                var count = _random.Next(1, 4);
                for (var i = 0; i < count; i++)
                {
                    // Half of the cuts fall inside the reply code (or just after it), the others anywhere.
                    cuts.Add(_random.Next(2) == 0 ? _random.Next(1, Math.Min(5, length)) : _random.Next(1, length));
                }

                // Between the lines of a multi-line reply.
                for (var at = reply.IndexOf("\r\n", StringComparison.Ordinal); at >= 0; at = reply.IndexOf("\r\n", at + 2, StringComparison.Ordinal))
                {
                    if (_random.Next(2) == 0 && at + 2 < length)
                    {
                        cuts.Add(at + 2);
                    }
                }
            }
        }

        return cuts.ToList();
    }
}
