using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>The driver runs twice; every tracked step of the second run must be Cached or Unchanged unless a template changed.</summary>
public sealed class IncrementalTests
{
    private const string MessageWithMethod = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "herb_tarlick@wkrp.com", Subject = "Hello {{Name}}")]
        [TextBody("Dear {{Name}}")]
        public partial class Greeting
        {
            [To] public required string Email { get; init; }
            public required string Name { get; init; }

            public string Describe() => "first";
        }
        """;

    private const string Unrelated = """
        namespace Shop;

        public class Inventory
        {
            public int Count() => 1;
        }
        """;

    private static readonly string[] OurSteps =
    {
        TypedMailGenerator.Steps.Messages,
        TypedMailGenerator.Steps.TemplateFiles,
        TypedMailGenerator.Steps.ResolvedMessages,
        TypedMailGenerator.Steps.Servers,
    };

    [Fact]
    public void UnrelatedFileEditKeepsEveryStepCached()
    {
        var compilation = GeneratorHarness.Compilation(MessageWithMethod, Unrelated, Inputs.Server);
        var (driver, _, _) = GeneratorHarness.Run(compilation);
        var edited = Replace(compilation, 1, Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal));

        AssertAllCachedOrUnchanged(driver.RunGenerators(edited));
    }

    [Fact]
    public void MethodBodyEditInTheMessageClassKeepsEveryStepCached()
    {
        var compilation = GeneratorHarness.Compilation(MessageWithMethod, Unrelated, Inputs.Server);
        var (driver, _, _) = GeneratorHarness.Run(compilation);
        var edited = Replace(compilation, 0, MessageWithMethod.Replace("\"first\"", "\"second\"", StringComparison.Ordinal));

        AssertAllCachedOrUnchanged(driver.RunGenerators(edited));
    }

    [Fact]
    public void NewUnrelatedClassKeepsEveryStepCached()
    {
        var compilation = GeneratorHarness.Compilation(MessageWithMethod, Unrelated, Inputs.Server);
        var (driver, _, _) = GeneratorHarness.Run(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public class Basket { }", GeneratorHarness.ParseOptions, path: "Basket.cs"));

        AssertAllCachedOrUnchanged(driver.RunGenerators(added));
    }

    [Fact]
    public void TemplateChangeChangesOnlyThatClassOutput()
    {
        var text = new InMemoryAdditionalText("/project/Mail/discount.txt", Inputs.DiscountText);
        var html = new InMemoryAdditionalText("/project/Mail/discount.html", Inputs.DiscountHtml);
        var compilation = GeneratorHarness.Compilation(Inputs.FileTemplates, MessageWithMethod);
        var (driver, _, _) = GeneratorHarness.Run(compilation, text, html);
        var before = Sources(driver);

        var changed = new InMemoryAdditionalText(text.Path, "Hello {{Salutation}}!\n{{Offer}}\n");
        var after = driver.ReplaceAdditionalText(text, changed).RunGenerators(compilation);
        var afterSources = Sources(after);

        Assert.Equal(before["Shop.Mail.Greeting.TypedMail.g.cs"], afterSources["Shop.Mail.Greeting.TypedMail.g.cs"]);
        Assert.NotEqual(before["Shop.Mail.FileOffer.TypedMail.g.cs"], afterSources["Shop.Mail.FileOffer.TypedMail.g.cs"]);
        Assert.Contains("\"Hello \"", afterSources["Shop.Mail.FileOffer.TypedMail.g.cs"], StringComparison.Ordinal);

        var resolved = after.GetRunResult().Results[0].TrackedSteps[TypedMailGenerator.Steps.ResolvedMessages]
            .SelectMany(step => step.Outputs)
            .ToList();
        Assert.Single(resolved, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(resolved, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results[0].GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: old.FilePath));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results[0];
        Assert.Null(result.Exception);
        // Steps fed only by cached steps are not re-run and so not tracked; the attribute-driven ones always are.
        Assert.True(result.TrackedSteps.ContainsKey(TypedMailGenerator.Steps.Messages), "the message step was not tracked");
        Assert.True(result.TrackedSteps.ContainsKey(TypedMailGenerator.Steps.Servers), "the server step was not tracked");

        var steps = result.TrackedSteps.Where(s => OurSteps.Contains(s.Key)).SelectMany(s => s.Value.Select(step => (s.Key, step)))
            .Concat(result.TrackedOutputSteps.SelectMany(s => s.Value.Select(step => (s.Key, step))));
        foreach (var (name, step) in steps)
        {
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} was {reason}");
            }
        }
    }
}
