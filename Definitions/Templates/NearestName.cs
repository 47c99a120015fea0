using System;
using System.Collections.Generic;

namespace TypedMail.Definitions.Templates;

/// <summary>
/// Finds the member name closest to a misspelled placeholder (Levenshtein distance, case-insensitive), only within a
/// small distance: a third of the name's length, at least 1, at most 3 (<c>TrackingUrl</c> suggests nothing rather
/// than <c>Email</c>).
/// </summary>
internal static class NearestName
{
    public static int MaxDistance(string name) => Math.Max(1, Math.Min(3, name.Length / 3));

    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= MaxDistance(name) ? best : null;
    }

    /// <summary>Edits between two names: insertions, deletions, substitutions, and swaps of two neighbours (<c>nmae</c> is 1 from <c>name</c>).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
