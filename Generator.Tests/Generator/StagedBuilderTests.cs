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
        var errors = CompileErrors(Inputs.Minimal, """DiscountOffer.Create().Email("a@b.example").Salutation("Sir").Offer("10%").Build()""");
        Assert.Empty(errors);
    }

    [Fact]
    public void ForgettingTheLastRequiredMemberIsACompileError()
    {
        var errors = CompileErrors(Inputs.Minimal, """DiscountOffer.Create().Email("a@b.example").Salutation("Sir").Build()""");
        var error = SingleCallerError(errors);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("IOfferStep", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Build'", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SkippingARequiredMemberIsACompileError()
    {
        var errors = CompileErrors(Inputs.Minimal, """DiscountOffer.Create().Email("a@b.example").Offer("10%").Build()""");
        var error = SingleCallerError(errors);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("ISalutationStep", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForgettingTheRecipientWithoutAConstantRecipientIsACompileError()
    {
        var errors = CompileErrors(OptionalRecipient, """News.Create().Build()""");
        var error = SingleCallerError(errors);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("IEmailStep", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalMembersComeAfterTheRecipient()
    {
        Assert.Empty(CompileErrors(OptionalRecipient, """News.Create().Email("a@b.example").Name("Ann").Build()"""));
        Assert.Empty(CompileErrors(OptionalRecipient, """News.Create().Email("a@b.example").Build()"""));
    }

    [Fact]
    public void AConstantRecipientMakesTheRecipientMemberOptional()
    {
        Assert.Empty(CompileErrors(Inputs.GlobalNamespace, """Ping.Create().At(System.DateTimeOffset.UnixEpoch).Build()"""));
        Assert.Empty(CompileErrors(Inputs.GlobalNamespace, """Ping.Create().Build()"""));
    }

    /// <summary>
    /// Every error of the compilation, in all files: the message's, the generated ones and the caller's (so an error in
    /// generated code fails the test too).
    /// </summary>
    private static List<Diagnostic> CompileErrors(string message, string expression)
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
        return output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>The one error there is, reported in the caller's file (Source1.cs), not in the message's or generated code.</summary>
    private static Diagnostic SingleCallerError(List<Diagnostic> errors)
    {
        var error = Assert.Single(errors);
        Assert.Equal("Source1.cs", error.Location.SourceTree?.FilePath);
        return error;
    }
}
