using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using TypedMail.Generator.Tests.Analyzers;

namespace TypedMail.Generator.Tests.Build;

/// <summary>
/// What the text says about the diagnostics matches the package: every TM ID range, every TM ID and every
/// <c>analyzers/dotnet/…</c> path in README, docs and the package release notes (Directory.Build.props) is checked
/// against the IDs the packed generator and analyzers actually carry and the folders the packed TypedMail holds.
/// </summary>
[Collection(DotnetCli.Collection)]
public sealed class ShippedDiagnosticsTextTests(PackedFeed feed)
{
    private static readonly Regex Range = new(@"\bTM(\d{4})\s*(?:-|–|—|to)\s*TM(\d{4})\b", RegexOptions.Compiled);
    private static readonly Regex Id = new(@"\bTM\d{4}\b", RegexOptions.Compiled);
    private static readonly Regex AnalyzerPath = new(@"analyzers/dotnet/[A-Za-z0-9./]*", RegexOptions.Compiled);

    [Fact]
    public void EveryRangeIdAndAnalyzerPathInTheText_MatchesWhatThePackageShips()
    {
        using var archive = ZipFile.OpenRead(feed.PackageOf("TypedMail"));
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        var shipped = ShippedIds(archive);
        var numbered = shipped.Where(id => id != "TM0099").Select(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.True(numbered.Count > 20, "The packed generator and analyzers carry only: " + string.Join(", ", shipped));
        Assert.Equal(Enumerable.Range(numbered[0], numbered.Count), numbered);

        var problems = new List<string>();
        foreach (var (file, text) in Texts())
        {
            foreach (Match range in Range.Matches(text))
            {
                var (from, to) = (int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                if (from != numbered[0] || to != numbered[^1])
                {
                    problems.Add($"{file}: '{range.Value}', but the package ships TM{numbered[0]:D4} to TM{numbered[^1]:D4}");
                }
            }

            problems.AddRange(Id.Matches(text).Select(m => m.Value).Distinct().Where(id => !shipped.Contains(id))
                .Select(id => $"{file}: {id} is not a diagnostic the package ships"));
            problems.AddRange(AnalyzerPath.Matches(text).Select(m => m.Value.TrimEnd('.', '/') + "/").Distinct()
                .Where(path => !entries.Any(e => e.StartsWith(path, StringComparison.Ordinal)))
                .Select(path => $"{file}: {path} is not a folder of the packed TypedMail ({string.Join(", ", entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)))})"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>README, docs (the package readmes among them) and the release notes; not the code, which tests check otherwise.</summary>
    private static IEnumerable<(string File, string Text)> Texts()
    {
        var files = new[] { RepositoryFiles.PathOf("README.md"), RepositoryFiles.PathOf("Directory.Build.props") }
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            yield return (Path.GetRelativePath(RepositoryFiles.Root, file), File.ReadAllText(file));
        }
    }

    /// <summary>The TMxxxx IDs the packed generator and analyzers carry: the string literals of their assemblies.</summary>
    private static HashSet<string> ShippedIds(ZipArchive archive)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            copy.Position = 0;
            using var pe = new PEReader(copy);
            var metadata = pe.GetMetadataReader();
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            {
                var literal = metadata.GetUserString(handle);
                if (Regex.IsMatch(literal, @"^TM\d{4}$"))
                {
                    ids.Add(literal);
                }
            }
        }

        return ids;
    }
}
