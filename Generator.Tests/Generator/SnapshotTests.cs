using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Generator;

public sealed class SnapshotTests
{
    [Fact]
    public void MinimalMessage() => Snapshot.Verify(Run(Inputs.Minimal));

    [Fact]
    public void EveryAttribute() => Snapshot.Verify(Run(Inputs.EveryAttribute));

    [Fact]
    public void NestedClasses() => Snapshot.Verify(Run(Inputs.Nested));

    [Fact]
    public void GlobalNamespace() => Snapshot.Verify(Run(Inputs.GlobalNamespace));

    [Fact]
    public void SameClassNameInTwoNamespaces()
    {
        var driver = Run(Inputs.SameNameA);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        Snapshot.Verify(driver);
    }

    [Fact]
    public void FileTemplates() => Snapshot.Verify(Run(
        Inputs.FileTemplates,
        new InMemoryAdditionalText("/project/Mail/discount.txt", Inputs.DiscountText),
        new InMemoryAdditionalText("/project/Mail/discount.html", Inputs.DiscountHtml)));

    [Fact]
    public void TextAndHtml() => Snapshot.Verify(Run(Inputs.TextAndHtml));

    [Fact]
    public void AttachmentsAndInlineImages() => Snapshot.Verify(Run(Inputs.Attachments));

    [Fact]
    public void ServerClass() => Snapshot.Verify(Run(Inputs.Server));

    [Fact]
    public void ManyClassesGetOneFileEach()
    {
        var (driver, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(Inputs.Many(50)));

        Assert.Empty(diagnostics);
        var hints = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(50, hints.Distinct().Count());
        Assert.Contains("Shop.Mail49.OrderConfirmation.TypedMail.g.cs", hints);
    }

    private static GeneratorDriver Run(string source, params AdditionalText[] files) =>
        GeneratorHarness.Run(GeneratorHarness.Compilation(source), files).Driver;
}
