using System.Text.RegularExpressions;

namespace Shop.Tests;

/// <summary>
/// README's "Use it in your app" shows only compiled code: every csharp block of the section is a region of
/// samples/Shop or samples/Shop.Tests (between "// readme:NAME" and "// end"), verbatim, and every region is shown.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void EveryCSharpBlockOfTheSection_IsACompiledRegion_AndEveryRegionIsShown()
    {
        var blocks = CSharpBlocks(Section());
        var regions = Regions(Path.Combine(Root, "samples", "Shop")).Concat(Regions(Path.Combine(Root, "samples", "Shop.Tests"))).ToList();

        Assert.NotEmpty(regions);
        foreach (var block in blocks)
        {
            Assert.True(regions.Any(r => r.Text == block), "This README block is not a compiled region of samples/Shop or samples/Shop.Tests:\n" + block);
        }

        foreach (var region in regions)
        {
            Assert.True(blocks.Contains(region.Text), $"The region '{region.Name}' is not shown verbatim in README:\n{region.Text}");
        }
    }

    [Fact]
    public void TheJsonBlockOfTheSection_IsTheSamplesAppSettings()
    {
        var json = Regex.Match(Section(), "```json\n(.*?)\n```", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(File.ReadAllText(Path.Combine(Root, "samples", "Shop", "appsettings.json")).ReplaceLineEndings("\n").TrimEnd('\n'), json);
    }

    private static string Section()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var match = Regex.Match(readme, "<!-- section: use-it-in-your-app.*?-->(.*?)<!-- end section: use-it-in-your-app -->", RegexOptions.Singleline);
        Assert.True(match.Success, "README has no \"Use it in your app\" section");
        return match.Groups[1].Value;
    }

    private static List<string> CSharpBlocks(string markdown) =>
        Regex.Matches(markdown, "```csharp\n(.*?)\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    private static IEnumerable<(string Name, string Text)> Regions(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var start = lines[i].Trim();
                if (!start.StartsWith("// readme:", StringComparison.Ordinal))
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "// end");
                Assert.True(end > i, $"{file}: '{start}' has no '// end'");
                var body = lines[(i + 1)..end];
                var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                yield return (start["// readme:".Length..], string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));
                i = end;
            }
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TypedMail.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TypedMail.sln not found above " + AppContext.BaseDirectory);
    }
}
