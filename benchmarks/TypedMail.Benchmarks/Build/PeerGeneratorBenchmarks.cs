using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedMail.Generator;

namespace TypedMail.Benchmarks.Build;

/// <summary>
/// TypedMail's generator beside the runtime's LoggerMessage generator on the same shape of work
/// (<see cref="PeerDefinitions"/>): a cold run, an edit inside one definition and an unrelated edit, each on a fresh
/// compilation (as a build or a keystroke gives one).
/// </summary>
[MemoryDiagnoser]
public class PeerGeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    [Params("TypedMail", "LoggerMessage")]
    public string Generator { get; set; } = "TypedMail";

    private CSharpCompilation compilation = null!;
    private CSharpCompilation editedInside = null!;
    private CSharpCompilation editedUnrelated = null!;
    private GeneratorDriver warmDriver = null!;
    private ISourceGenerator generator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var typed = Generator == "TypedMail";
        generator = typed ? new TypedMailGenerator().AsSourceGenerator() : LoadLoggerMessageGenerator();
        Func<int, string> source = typed ? PeerDefinitions.TypedMail : PeerDefinitions.LoggerMessage;
        Func<int, string> edited = typed ? PeerDefinitions.TypedMailEdited : PeerDefinitions.LoggerMessageEdited;

        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[] { typeof(MailMessageAttribute).Assembly, typeof(MimeKit.MimeMessage).Assembly, typeof(Microsoft.Extensions.Logging.ILogger).Assembly }
                .Select(a => MetadataReference.CreateFromFile(a.Location)));
        var trees = Enumerable.Range(0, PeerDefinitions.Count)
            .Select(i => CSharpSyntaxTree.ParseText(source(i), ParseOptions, path: $"Definition{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(PeerDefinitions.Unrelated, ParseOptions, path: "Inventory.cs"))
            .ToArray();
        compilation = CSharpCompilation.Create("Peers", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var middle = PeerDefinitions.Count / 2;
        editedInside = compilation.ReplaceSyntaxTree(trees[middle], CSharpSyntaxTree.ParseText(edited(middle), ParseOptions, path: trees[middle].FilePath));
        editedUnrelated = compilation.ReplaceSyntaxTree(trees[^1], CSharpSyntaxTree.ParseText(PeerDefinitions.UnrelatedEdited, ParseOptions, path: trees[^1].FilePath));

        warmDriver = NewDriver().RunGenerators(compilation);
        var generated = warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated == 0)
        {
            throw new InvalidOperationException($"{Generator} generated nothing: the benchmark would measure nothing.");
        }
    }

    [Benchmark]
    public int Cold() => NewDriver().RunGenerators(compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int EditInsideOneDefinition() => warmDriver.RunGenerators(editedInside.Clone()).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int UnrelatedEdit() => warmDriver.RunGenerators(editedUnrelated.Clone()).GetRunResult().GeneratedTrees.Length;

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: ParseOptions);

    // The LoggerMessage generator ships in Microsoft.Extensions.Logging.Abstractions' analyzers folder; its path is
    // baked into this assembly at build time (see the project file).
    private static ISourceGenerator LoadLoggerMessageGenerator()
    {
        var path = typeof(PeerGeneratorBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LoggerMessageGenerator").Value!;
        var reference = new AnalyzerFileReference(path, new AssemblyLoader());
        ImmutableArray<ISourceGenerator> generators = reference.GetGenerators(LanguageNames.CSharp);
        return generators.Single(g => g.GetGeneratorType().Name == "LoggerMessageGenerator");
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath) { }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
