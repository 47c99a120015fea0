using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedMail.Generator;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Benchmarks;

/// <summary>
/// The generator on the largest test input (50 message classes with every attribute, plus a server class): a cold run
/// (new driver), and an incremental run after an edit in an unrelated file (what the IDE does on each keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private CSharpCompilation compilation = null!;
    private CSharpCompilation edited = null!;
    private GeneratorDriver warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[] { typeof(MailMessageAttribute).Assembly, typeof(MimeKit.MimeMessage).Assembly }
                .Select(a => MetadataReference.CreateFromFile(a.Location)));
        var sources = Inputs.Many(50).Append(Inputs.Server).Append("namespace Shop; public class Inventory { public int Count() => 1; }");
        compilation = CSharpCompilation.Create(
            "Largest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var last = compilation.SyntaxTrees.Last();
        edited = compilation.ReplaceSyntaxTree(last, CSharpSyntaxTree.ParseText("namespace Shop; public class Inventory { public int Count() => 2; }", ParseOptions, path: last.FilePath));
        warmDriver = NewDriver().RunGenerators(compilation);
    }

    // Each run gets a fresh compilation (Clone drops the semantic caches), as a build or a keystroke does.
    [Benchmark(Baseline = true)]
    public int Cold() => NewDriver().RunGenerators(compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int IncrementalAfterUnrelatedEdit() => warmDriver.RunGenerators(edited.Clone()).GetRunResult().GeneratedTrees.Length;

    // The same edited compilation every time, its semantic caches warm: what the generator itself adds to a keystroke
    // once the compiler has bound the edit (the IDE binds it anyway for its own features).
    [Benchmark]
    public int IncrementalGeneratorOnly() => warmDriver.RunGenerators(edited).GetRunResult().GeneratedTrees.Length;

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new TypedMailGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);
}
