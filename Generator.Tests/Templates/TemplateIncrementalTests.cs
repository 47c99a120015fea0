using System.Linq;
using Microsoft.CodeAnalysis;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Templates;

/// <summary>Editing a layout or a partial re-renders only the messages that use it.</summary>
public sealed class TemplateIncrementalTests
{
    private const string Messages = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "shop@example.com", To = "a@example.com", Subject = "A")]
        [HtmlBody("<p>{{Name}}</p>{{> Mail/_Footer.html}}", Layout = "Mail/_Layout.html")]
        public partial class WithFooter { public string Name { get; init; } = ""; }

        [MailMessage(From = "shop@example.com", To = "a@example.com", Subject = "B")]
        [HtmlBody("<p>{{Name}}</p>", Layout = "Mail/_Layout.html")]
        public partial class WithoutFooter { public string Name { get; init; } = ""; }

        [MailMessage(From = "shop@example.com", To = "a@example.com", Subject = "C")]
        [TextBody("{{Name}}")]
        public partial class Plain { public string Name { get; init; } = ""; }
        """;

    [Fact]
    public void EditingAPartialRerendersOnlyTheMessagesThatIncludeIt()
    {
        var files = new InMemoryAdditionalTextSet
        {
            ("/project/Mail/_Layout.html", "<html>{{> body}}</html>"),
            ("/project/Mail/_Footer.html", "<footer>old</footer>"),
        };
        var after = Edit(files, "/project/Mail/_Footer.html", "<footer>new</footer>");

        Assert.Equal(new[] { "Shop.Mail.WithFooter" }, Modified(after));
        Assert.Contains("<footer>new</footer>", Source(after, "Shop.Mail.WithFooter"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void EditingALayoutRerendersOnlyTheMessagesInIt()
    {
        var files = new InMemoryAdditionalTextSet
        {
            ("/project/Mail/_Layout.html", "<html>{{> body}}</html>"),
            ("/project/Mail/_Footer.html", "<footer>old</footer>"),
        };
        var after = Edit(files, "/project/Mail/_Layout.html", "<html><body>{{> body}}</body></html>");

        Assert.Equal(new[] { "Shop.Mail.WithFooter", "Shop.Mail.WithoutFooter" }, Modified(after));
        Assert.Contains("<html><body><p>", Source(after, "Shop.Mail.WithoutFooter"), System.StringComparison.Ordinal);
    }

    private static GeneratorDriver Edit(InMemoryAdditionalTextSet files, string path, string text)
    {
        var compilation = GeneratorHarness.Compilation(Messages);
        var (driver, _, _) = GeneratorHarness.Run(compilation, files.ToArray());
        return driver.ReplaceAdditionalText(files[path], new InMemoryAdditionalText(path, text)).RunGenerators(compilation);
    }

    /// <summary>The classes whose resolved model (what is emitted) changed; the others are cached or unchanged.</summary>
    private static string[] Modified(GeneratorDriver driver)
    {
        var outputs = driver.GetRunResult().Results[0].TrackedSteps[TypedMailGenerator.Steps.ResolvedMessages]
            .SelectMany(step => step.Outputs)
            .ToList();
        Assert.Equal(3, outputs.Count);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        return outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => ((dynamic)o.Value).Reading.Model.Type.FullName as string)
            .Select(name => name!.Replace("global::", "", System.StringComparison.Ordinal))
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
    }

    private static string Source(GeneratorDriver driver, string type) =>
        driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == type + ".TypedMail.g.cs").SourceText.ToString();
}
