using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>Forgetting a mandatory member on the builder path is a compile error at the caller's line.</summary>
public sealed class StagedBuilderTests
{
    private const string OptionalRecipient = """
        using TypedMail;

        namespace Shop.Mail;

        [MailMessage(From = "news@shop.example", Subject = "News")]
        [TextBody("News for {{Name}}")]
        public partial class News
        {
            [To] public string? Email { get; set; }
            public string Name { get; set; } = "reader";
        }
        """;

    [Fact]
    public void TheFullChainCompiles()
    {
        var errors = CallerErrors(Inputs.Minimal, """DiscountOffer.Create().Email("a@b.example").Salutation("Sir").Offer("10%").Build()""");
        Assert.Empty(errors);
    }

    [Fact]
    public void ForgettingTheLastRequiredMemberIsACompileError()
    {
        var errors = CallerErrors(Inputs.Minimal, """DiscountOffer.Create().Email("a@b.example").Salutation("Sir").Build()""");
        var error = Assert.Single(errors);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("IOfferStep", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Build'", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SkippingARequiredMemberIsACompileError()
    {
        var errors = CallerErrors(Inputs.Minimal, """DiscountOffer.Create().Email("a@b.example").Offer("10%").Build()""");
        var error = Assert.Single(errors);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("ISalutationStep", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForgettingTheRecipientWithoutAConstantRecipientIsACompileError()
    {
        var errors = CallerErrors(OptionalRecipient, """News.Create().Build()""");
        var error = Assert.Single(errors);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("IEmailStep", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalMembersComeAfterTheRecipient()
    {
        Assert.Empty(CallerErrors(OptionalRecipient, """News.Create().Email("a@b.example").Name("Ann").Build()"""));
        Assert.Empty(CallerErrors(OptionalRecipient, """News.Create().Email("a@b.example").Build()"""));
    }

    [Fact]
    public void AConstantRecipientMakesTheRecipientMemberOptional()
    {
        Assert.Empty(CallerErrors(Inputs.GlobalNamespace, """Ping.Create().At(System.DateTimeOffset.UnixEpoch).Build()"""));
        Assert.Empty(CallerErrors(Inputs.GlobalNamespace, """Ping.Create().Build()"""));
    }

    /// <summary>The errors the compiler reports in the caller's file (the message's own file may lack the runtime's types meanwhile).</summary>
    private static List<Diagnostic> CallerErrors(string message, string expression)
    {
        var caller = $$"""
            namespace Shop.Mail.Callers;

            public static class Caller
            {
                public static object Make() => {{expression}};
            }
            """;
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(message, caller));
        Assert.Empty(diagnostics);
        return output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == "Source1.cs")
            .ToList();
    }
}
