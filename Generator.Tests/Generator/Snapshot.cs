using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>
/// Verify-compatible snapshots of generated sources: <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c>, LF
/// endings, the generator version scrubbed. The generated files and the test's verified files must match one to one:
/// a differing or new generated file is written as <c>.received.cs</c> and fails; a verified file with no generated
/// counterpart (the generator skipped that class) fails. Only with the accept switch
/// <c>TYPEDMAIL_ACCEPT_SNAPSHOTS=1</c> (<c>dotnet test -e TYPEDMAIL_ACCEPT_SNAPSHOTS=1</c>, or an
/// <c>EnvironmentVariables</c> entry in a runsettings file) are new and changed files written as verified and stale
/// verified files deleted; review the diff before committing.
/// </summary>
internal static partial class Snapshot
{
    /// <summary>The environment variable that accepts the generator's current output as the snapshots.</summary>
    public const string AcceptSwitch = "TYPEDMAIL_ACCEPT_SNAPSHOTS";

    public static void Verify(GeneratorDriver driver, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        Assert.NotEmpty(sources);
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        var prefix = $"{Path.GetFileNameWithoutExtension(testFile)}.{method}#";
        var accept = Environment.GetEnvironmentVariable(AcceptSwitch) is "1" or "true";
        var failures = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var stem = Path.Combine(directory, prefix + Path.ChangeExtension(source.HintName, null));
            var verified = stem + ".verified.cs";
            var received = stem + ".received.cs";
            expected.Add(Path.GetFileName(verified));
            var text = Scrub(source.SourceText.ToString());
            if (File.Exists(verified) && File.ReadAllText(verified).ReplaceLineEndings("\n") == text)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, text);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, text);
            failures.Add(File.Exists(verified)
                ? $"{Path.GetFileName(verified)} differs: diff '{verified}' '{received}'; if the change is right, move the received file over the verified one (or rerun with {AcceptSwitch}=1)."
                : $"{Path.GetFileName(verified)} is missing: review '{received}' and rename it to .verified.cs (or rerun with {AcceptSwitch}=1).");
        }

        foreach (var stale in Directory.EnumerateFiles(directory, prefix + "*.verified.cs").Where(f => !expected.Contains(Path.GetFileName(f))))
        {
            if (accept)
            {
                File.Delete(stale);
                continue;
            }

            failures.Add($"{Path.GetFileName(stale)} was not generated: the generator produced no such file for this test. If that is intended, delete '{stale}' (or rerun with {AcceptSwitch}=1).");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>LF endings and no generator version, so snapshots do not churn.</summary>
    public static string Scrub(string text) =>
        VersionPattern().Replace(text.ReplaceLineEndings("\n"), "\"TypedMail.Generator\", \"{version}\"");

    [GeneratedRegex("\"TypedMail\\.Generator\", \"[0-9.]+\"")]
    private static partial Regex VersionPattern();
}
