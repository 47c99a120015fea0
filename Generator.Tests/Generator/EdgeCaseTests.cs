using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedMail.Definitions;
using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>Generated code on the edges: enum values without a name, polyfilled attributes, and generator failures.</summary>
public sealed class EdgeCaseTests
{
    [Fact]
    public void AnEnumValueWithoutANameIsCastInParentheses_SoANegativeOneCompiles()
    {
        var (driver, output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using TypedMail;

            [SmtpServer("smtp.example.com", Mode = (SessionMode)(-1), Auth = (AuthMode)(-2))]
            public partial class Relay;
            """));

        var source = Assert.Single(driver.GetRunResult().Results[0].GeneratedSources).SourceText.ToString();
        Assert.Contains("Mode = ((global::TypedMail.SessionMode)(-1)),", source, StringComparison.Ordinal);
        Assert.Contains("Auth = ((global::TypedMail.AuthMode)(-2)),", source, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void SetsRequiredMembersDefinedInTwoReferences_DoesNotMakeTheClassVanish()
    {
        const string Polyfill = "namespace System.Diagnostics.CodeAnalysis { internal sealed class SetsRequiredMembersAttribute : System.Attribute { } }";
        var references = new[] { "PolyfillA", "PolyfillB" }.Select(name => Reference(name, Polyfill)).ToArray();
        var compilation = GeneratorHarness.Compilation(Inputs.Minimal).AddReferences(references);

        var (driver, output, _) = GeneratorHarness.Run(compilation);

        Assert.Single(driver.GetRunResult().Results[0].GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void ATypeDefinedInTwoReferences_IsFoundWhereTheCompilersLookupGivesUp()
    {
        const string Type = "namespace Polyfills { public sealed class Marker { } }";
        var compilation = GeneratorHarness.Compilation("class User { }")
            .AddReferences(Reference("First", Type), Reference("Second", Type.Replace("public", "internal", StringComparison.Ordinal)), Reference("Third", Type));

        Assert.Null(compilation.GetTypeByMetadataName("Polyfills.Marker"));
        var found = TypeLookup.Best(compilation, "Polyfills.Marker");
        Assert.NotNull(found);
        Assert.Equal(Accessibility.Public, found.DeclaredAccessibility);
        Assert.Equal("Polyfills.Marker", TypeLookup.Best(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Polyfills { class Marker { } }")), "Polyfills.Marker")?.ToDisplayString());
        Assert.Equal("User", TypeLookup.Best(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Polyfills { class Marker { } }")), "Polyfills.Marker")?.ContainingAssembly.Name is "UserAssembly" ? "User" : "another assembly");
    }

    [Fact]
    public void AnExceptionInAStepBecomesAFailureNamingTheClassAndTheExceptionType()
    {
        var guarded = Guarded<MessageSpec>.Run("Shop.Mail.Offer", () => throw new InvalidOperationException("bug"));

        Assert.Null(guarded.Reading);
        Assert.Equal("Shop.Mail.Offer", guarded.ClassName);
        Assert.Equal("System.InvalidOperationException", guarded.Failure);
        Assert.Equal("TM0099", InternalError.Descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, InternalError.Descriptor.DefaultSeverity);
        Assert.Contains("'Shop.Mail.Offer' with System.InvalidOperationException",
            Diagnostic.Create(InternalError.Descriptor, Location.None, guarded.ClassName, guarded.Failure).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACancelledStepIsNotTurnedIntoAFailure() =>
        Assert.Throws<OperationCanceledException>(() => Guarded<MessageSpec>.Run("X", () => throw new OperationCanceledException()));

    private static MetadataReference Reference(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)],
            Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
