extern alias analyzers;

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using analyzers::TypedMail.Analyzers.Facade;
using analyzers::TypedMail.Analyzers.Messages;
using analyzers::TypedMail.Analyzers.Partials;
using analyzers::TypedMail.Analyzers.Servers;
using analyzers::TypedMail.Analyzers.Settings;
using analyzers::TypedMail.Analyzers.SettingsFiles;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Every TypedMail analyzer at once, on a net10.0 compilation that references TypedMail (fully offline).</summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<MailMessageAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(string source)
    {
        TestCode = source;
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        Configure(TestState);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers.Create();

    internal static void Configure(SolutionState state)
    {
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.AddRange(Compiled.RuntimeReferences);
    }

    /// <summary>Runs every analyzer on <paramref name="source"/> and checks its markup plus <paramref name="expected"/>.</summary>
    public static System.Threading.Tasks.Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>Every TypedMail analyzer with one code fix, before and after.</summary>
internal sealed class CodeFixTest<TFix> : CSharpCodeFixTest<MailMessageAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        AnalyzerTest.Configure(TestState);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers.Create();
}

internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new MailMessageAnalyzer(), new PartialTypeAnalyzer(), new SmtpServerAnalyzer(), new SmtpSettingsAnalyzer(), new InternetCommandsAnalyzer(), new SettingsFileAnalyzer());
}
