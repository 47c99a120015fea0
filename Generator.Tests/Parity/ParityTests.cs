using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Parity;

/// <summary>
/// Generator and analyzers read definitions with one reader, so they tell one story. Broken programs get exactly
/// their TM diagnostics and no compiler error (the generator still emits what can compile, so no CS0117 at call
/// sites); correct programs get nothing; on every program a class is generated exactly when no TM0011/TM0018 says it
/// cannot be.
/// </summary>
public sealed class ParityTests
{
    public static TheoryData<string> Broken => new(CorpusFile.Names("Broken"));

    public static TheoryData<string> Correct => new(CorpusFile.Names("Correct"));

    public static TheoryData<string> Every => new(CorpusFile.Names("Broken").Concat(CorpusFile.Names("Correct")));

    [Fact]
    public void TheCorpusIsAsLargeAsPromised()
    {
        var broken = CorpusFile.Names("Broken").Count();
        var correct = CorpusFile.Names("Correct").Count();
        Assert.True(broken >= 35, $"{broken} broken programs");
        Assert.True(correct >= 25, $"{correct} correct programs");
        var expected = CorpusFile.Names("Broken").SelectMany(n => CorpusFile.Load(n).Expected).ToHashSet();
        var missing = Enumerable.Range(1, 20).Select(i => $"TM{i:0000}").Where(id => !expected.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no broken program for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task BrokenProgram_GetsExactlyItsDiagnosticsAndNoCompilerError(string name)
    {
        var file = CorpusFile.Load(name);
        Assert.NotEmpty(file.Expected);
        var run = await CorpusRun.RunAsync(file);

        Assert.Equal(file.Expected, run.TypedMailIds);
        Assert.True(run.CompilerErrors.Count == 0, string.Join(Environment.NewLine, run.CompilerErrors));
    }

    [Theory]
    [MemberData(nameof(Correct))]
    public async Task CorrectProgram_GetsNoDiagnosticAndCompiles(string name)
    {
        var file = CorpusFile.Load(name);
        var run = await CorpusRun.RunAsync(file);

        Assert.True(run.TypedMailIds.Count == 0, string.Join(Environment.NewLine, run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics)));
        Assert.True(run.CompilerErrors.Count == 0, string.Join(Environment.NewLine, run.CompilerErrors));
        var generatedWarnings = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !run.Input.SyntaxTrees.Contains(tree))
            .ToList();
        Assert.True(generatedWarnings.Count == 0, string.Join(Environment.NewLine, generatedWarnings));
        Assert.All(run.DefinitionClasses(), type => Assert.True(run.WasGenerated(type), $"{type} was not generated"));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task GeneratorAndAnalyzers_Agree(string name)
    {
        var run = await CorpusRun.RunAsync(CorpusFile.Load(name));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "TM0099");
        Assert.Null(run.Generator.Exception);
        foreach (var type in run.DefinitionClasses())
        {
            Assert.True(run.WasGenerated(type) != run.AnalyzersBlock(type),
                $"{type}: generated = {run.WasGenerated(type)}, analyzers say it cannot be = {run.AnalyzersBlock(type)}");
        }
    }
}
