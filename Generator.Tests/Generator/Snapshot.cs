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
/// endings, the generator version scrubbed. A mismatch writes <c>.received.cs</c> and fails; a missing snapshot is
/// written as received and fails under <c>CI=true</c>, and is accepted (written as verified) locally.
/// </summary>
internal static partial class Snapshot
{
    public static void Verify(GeneratorDriver driver, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        Assert.NotEmpty(sources);
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        var testClass = Path.GetFileNameWithoutExtension(testFile);
        var failures = new List<string>();
        foreach (var source in sources)
        {
            var stem = Path.Combine(directory, $"{testClass}.{method}#{Path.ChangeExtension(source.HintName, null)}");
            var verified = stem + ".verified.cs";
            var received = stem + ".received.cs";
            var text = Scrub(source.SourceText.ToString());
            if (File.Exists(verified) && File.ReadAllText(verified).ReplaceLineEndings("\n") == text)
            {
                File.Delete(received);
                continue;
            }

            if (!File.Exists(verified) && Environment.GetEnvironmentVariable("CI") != "true")
            {
                File.WriteAllText(verified, text);
                continue;
            }

            File.WriteAllText(received, text);
            failures.Add(File.Exists(verified)
                ? $"{Path.GetFileName(verified)} differs: diff '{verified}' '{received}', then move the received file over the verified one if the change is right."
                : $"{Path.GetFileName(verified)} is missing: review '{received}' and rename it to .verified.cs.");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>LF endings and no generator version, so snapshots do not churn.</summary>
    public static string Scrub(string text) =>
        VersionPattern().Replace(text.ReplaceLineEndings("\n"), "\"TypedMail.Generator\", \"{version}\"");

    [GeneratedRegex("\"TypedMail\\.Generator\", \"[0-9.]+\"")]
    private static partial Regex VersionPattern();
}
