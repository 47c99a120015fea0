using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>A rule SpamAssassin fired, with its points.</summary>
internal sealed record SpamRule(string Name, double Points, string Description)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Points:0.0##})");
}

/// <summary>SpamAssassin's judgement of one message: the score and the rules that fired.</summary>
internal sealed record SpamVerdict(double Score, IReadOnlyList<SpamRule> Rules)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"score {Score:0.0##}: {(Rules.Count == 0 ? "no rule" : string.Join(", ", Rules))}");
}

/// <summary>
/// Debian's spamassassin run locally on a message (<c>-L</c>: network tests off, so no DNS blocklist or DKIM key
/// lookup), with preferences in a temporary file instead of the user's home.
/// </summary>
internal static class SpamAssassin
{
    public const string Probe = "/usr/bin/spamassassin";
    public const string Package = "spamassassin";

    /// <summary>The first run compiles the rules; later runs take a few seconds each.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public static async Task<SpamVerdict> JudgeAsync(byte[] rawMime)
    {
        DebianTool.Require(Probe, Package);
        var prefs = Path.Combine(Path.GetTempPath(), "typedmail-sa-" + Guid.NewGuid().ToString("N") + ".prefs");
        File.WriteAllText(prefs, "# TypedMail test: default preferences\n");
        try
        {
            var start = new ProcessStartInfo(Probe)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-L", "-t", "-p", prefs })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var bound = new CancellationTokenSource(Bound);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(bound.Token);
                var errors = process.StandardError.ReadToEndAsync(bound.Token);
                await process.StandardInput.BaseStream.WriteAsync(rawMime, bound.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(bound.Token);
                Assert.True(process.ExitCode == 0, $"spamassassin failed (exit {process.ExitCode}): {await errors}");
                return Parse(await output);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"spamassassin did not answer within {Bound.TotalSeconds} s.");
            }
        }
        finally
        {
            File.Delete(prefs);
        }
    }

    /// <summary>Reads the score from X-Spam-Status and each rule's points from the report's table.</summary>
    internal static SpamVerdict Parse(string output)
    {
        var unfolded = Regex.Replace(output, @"\r?\n[ \t]+", " ");
        var status = Regex.Match(unfolded, @"^X-Spam-Status: .*?score=(-?[0-9.]+)", RegexOptions.Multiline);
        Assert.True(status.Success, "spamassassin's output has no X-Spam-Status score:\n" + output);
        var score = double.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture);
        var table = output.IndexOf("---- ----", StringComparison.Ordinal);
        var rules = new List<SpamRule>();
        if (table >= 0)
        {
            foreach (Match row in Regex.Matches(output.Substring(table), @"^\s*(-?[0-9.]+)\s+([A-Z0-9_]+)\s+(.*)$", RegexOptions.Multiline))
            {
                rules.Add(new SpamRule(row.Groups[2].Value, double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture), row.Groups[3].Value.Trim()));
            }
        }

        return new SpamVerdict(score, rules);
    }
}
