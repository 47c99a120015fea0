using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Rendering;

/// <summary>
/// The generated text alternative of real-looking mails (Rendering/Samples/*.html), compared exactly with the reviewed
/// text next to each (*.txt). A missing expectation is written once outside CI, to be reviewed; under CI it fails.
/// </summary>
public sealed class HtmlToTextSnapshotTests
{
    public static TheoryData<string> Samples => new(Directory.GetFiles(SampleFolder, "*.html").Select(Path.GetFileNameWithoutExtension).Order()!);

    private static string SampleFolder => Path.Combine(AppContext.BaseDirectory, "Rendering", "Samples");

    [Theory]
    [MemberData(nameof(Samples))]
    public void TextAlternative_MatchesTheReviewedText(string sample)
    {
        var text = HtmlToText.Convert(File.ReadAllText(Path.Combine(SampleFolder, sample + ".html")));

        Assert.DoesNotMatch(new Regex("&(#[0-9]+|#x[0-9a-f]+|[a-z]+[0-9]*);", RegexOptions.IgnoreCase), text);
        Assert.DoesNotContain("<", text.Replace("<it@wkrp.com>", string.Empty).Replace("<R>", string.Empty), StringComparison.Ordinal);
        var expectedPath = Path.Combine(SampleFolder, sample + ".txt");
        if (!File.Exists(expectedPath))
        {
            Assert.False(DebianTool.UnderCi, $"{sample}.txt is missing: run the test outside CI to write it, review it, commit it.");
            File.WriteAllText(Path.Combine(SourceFolder(), sample + ".txt"), text);
            Assert.Fail($"{sample}.txt was written to Runtime.Tests/Rendering/Samples: review it and run again.");
        }

        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n"), text);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Samples");
}
