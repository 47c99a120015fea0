using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TypedMail.Generator.Tests.Analyzers;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Parity;

/// <summary>
/// One program of the parity corpus (<c>Parity/Corpus/Broken</c> and <c>Correct</c>): its source, the TM IDs it must
/// get (a <c>// expect: TM0007 TM0020</c> first line; none for a correct program) and its AdditionalFiles
/// (<c>// file: /path =&gt; text</c> lines, <c>\n</c> for a line break).
/// </summary>
internal sealed record CorpusFile(string Name, string Source, IReadOnlyList<string> Expected, IReadOnlyList<InMemoryAdditionalText> Files)
{
    public static IEnumerable<string> Names(string folder) =>
        Directory.GetFiles(RepositoryFiles.PathOf("Generator.Tests", "Parity", "Corpus", folder), "*.cs")
            .Select(path => folder + "/" + Path.GetFileNameWithoutExtension(path))
            .OrderBy(name => name, StringComparer.Ordinal);

    public static CorpusFile Load(string name)
    {
        var source = File.ReadAllText(RepositoryFiles.PathOf(["Generator.Tests", "Parity", "Corpus", .. (name + ".cs").Split('/')]));
        var expected = new List<string>();
        var files = new List<InMemoryAdditionalText>();
        foreach (var line in source.Split('\n'))
        {
            if (line.StartsWith("// expect:", StringComparison.Ordinal))
            {
                expected.AddRange(line["// expect:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (line.StartsWith("// file:", StringComparison.Ordinal))
            {
                var parts = line["// file:".Length..].Split(" => ", 2);
                files.Add(new InMemoryAdditionalText(parts[0].Trim(), parts[1].Replace("\\n", "\n", StringComparison.Ordinal)));
            }
        }

        expected.Sort(StringComparer.Ordinal);
        return new CorpusFile(name, source, expected, files);
    }
}
