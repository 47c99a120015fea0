using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web.Checks;

/// <summary>
/// SpamAssassin's judgement of a message: the local <c>spamassassin</c> program run on its bytes (<c>-L</c>: local tests
/// only, no network or DNS lookup; preferences in a temporary file, never the user's home). Once per message, one run at
/// a time (the machine is a developer's); a missing program is said plainly, never an error.
/// </summary>
internal sealed partial class SpamAssassinCheck
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private readonly string _program;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ConditionalWeakTable<MailDocument, Lazy<Task<SpamJson>>> _judged = new();

    public SpamAssassinCheck(string program) => _program = program;

    public Task<SpamJson> JudgeAsync(MailDocument document) =>
        _judged.GetValue(document, judged => new Lazy<Task<SpamJson>>(() => RunAsync(judged.Raw))).Value;

    /// <summary>The program's path, found on PATH when given without a folder; null when it is not there.</summary>
    public string? Locate()
    {
        if (_program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(_program) ? _program : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, _program))
            .FirstOrDefault(File.Exists);
    }

    private async Task<SpamJson> RunAsync(byte[] raw)
    {
        if (Locate() is not { } program)
        {
            return SpamJson.Missing(
                $"SpamAssassin is not installed here ('{_program}' was not found), so no score is shown. Install it " +
                "(Debian/Ubuntu: apt-get install spamassassin) or give its path with --spamassassin PATH.");
        }

        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        var prefs = Path.Combine(Path.GetTempPath(), "typedmail-mailbox-sa-" + Guid.NewGuid().ToString("N") + ".prefs");
        try
        {
            await File.WriteAllTextAsync(prefs, "# typedmail-mailbox: SpamAssassin's default preferences\n").ConfigureAwait(false);
            var start = new ProcessStartInfo(program)
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

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            using var bound = new CancellationTokenSource(Bound);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(bound.Token);
                var errors = process.StandardError.ReadToEndAsync(bound.Token);
                await process.StandardInput.BaseStream.WriteAsync(raw, bound.Token).ConfigureAwait(false);
                process.StandardInput.Close();
                await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
                return Parse(await output.ConfigureAwait(false), process.ExitCode, await errors.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return SpamJson.Failed($"{program} gave no answer within {Bound.TotalMinutes} minutes.");
            }
        }
        catch (Exception exception) when (exception is Win32Exception or IOException or InvalidOperationException)
        {
            return SpamJson.Failed($"{program} could not be run: {exception.Message}");
        }
        finally
        {
            File.Delete(prefs);
            _oneAtATime.Release();
        }
    }

    /// <summary>The score and threshold from X-Spam-Status, each rule's points from the report's table.</summary>
    internal static SpamJson Parse(string output, int exitCode, string errors)
    {
        var unfolded = FoldedLine().Replace(output, " ");
        var status = SpamStatus().Match(unfolded);
        if (exitCode != 0 || !status.Success)
        {
            return SpamJson.Failed($"SpamAssassin answered no score (exit code {exitCode}): {errors.Trim()}".TrimEnd(':', ' '));
        }

        var score = double.Parse(status.Groups["score"].Value, CultureInfo.InvariantCulture);
        var threshold = double.Parse(status.Groups["required"].Value, CultureInfo.InvariantCulture);
        var rules = new List<SpamRuleJson>();
        var table = output.IndexOf("---- ----", StringComparison.Ordinal);
        if (table >= 0)
        {
            SpamRuleJson? last = null;
            foreach (var line in output[table..].Split('\n').Skip(1))
            {
                var row = RuleRow().Match(line);
                if (row.Success)
                {
                    last = new SpamRuleJson(row.Groups["name"].Value, double.Parse(row.Groups["points"].Value, CultureInfo.InvariantCulture), row.Groups["description"].Value.Trim());
                    rules.Add(last);
                }
                else if (last is not null && line.StartsWith("                            ", StringComparison.Ordinal))
                {
                    // A description continued on the next line.
                    rules[^1] = last = last with { Description = last.Description + " " + line.Trim() };
                }
                else if (line.Trim().Length == 0)
                {
                    break;
                }
            }
        }

        return new SpamJson(true, score, threshold, score >= threshold, rules, null);
    }

    [GeneratedRegex(@"\r?\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"^X-Spam-Status: .*?score=(?<score>-?[0-9.]+) required=(?<required>-?[0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex SpamStatus();

    [GeneratedRegex(@"^\s*(?<points>-?[0-9]+\.[0-9]+)\s+(?<name>[A-Z0-9_]+)\s+(?<description>.*?)\r?$")]
    private static partial Regex RuleRow();
}
