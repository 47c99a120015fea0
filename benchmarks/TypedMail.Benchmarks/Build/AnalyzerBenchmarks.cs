extern alias analyzers;

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using analyzers::TypedMail.Analyzers.Messages;
using TypedMail.Generator;

namespace TypedMail.Benchmarks.Build;

/// <summary>
/// TypedMail's <see cref="MailMessageAnalyzer"/> judging the 1,000 <see cref="PeerDefinitions"/>, with the code generated
/// for them in the compilation, as in a build. The compilation is bound once beforehand (the compiler has bound the
/// classes when a build's analyzers judge them), and the analyzer's symbol action is called for each class directly,
/// so that the time is the analyzer's own work and not the compiler's.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly List<INamedTypeSymbol> classes = new();
    private CSharpCompilation compilation = null!;
    private Action<SymbolAnalysisContext> action = null!;
    private int reported;

    [GlobalSetup]
    public void Setup()
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[] { typeof(MailMessageAttribute).Assembly, typeof(MimeKit.MimeMessage).Assembly }
                .Select(a => MetadataReference.CreateFromFile(a.Location)));
        var trees = Enumerable.Range(0, PeerDefinitions.Count)
            .Select(i => CSharpSyntaxTree.ParseText(PeerDefinitions.TypedMail(i), ParseOptions, path: $"Definition{i}.cs"));
        var input = CSharpCompilation.Create("Peers", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new[] { new TypedMailGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        compilation = (CSharpCompilation)output;
        if (compilation.SyntaxTrees.Count() != 2 * PeerDefinitions.Count || compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator must write one compiling file per definition, or the benchmark measures something else.");
        }

        for (var i = 0; i < PeerDefinitions.Count; i++)
        {
            classes.Add(compilation.GetTypeByMetadataName($"Shop.Mail{i}.OrderShipped")!);
        }

        var start = new StartContext(compilation);
        new MailMessageAnalyzer().Initialize(new Context(start));
        action = start.Action ?? throw new InvalidOperationException("MailMessageAnalyzer registered no symbol action.");
        if (JudgeEveryClass() != 0)
        {
            throw new InvalidOperationException("The peer definitions are correct: no diagnostic is expected.");
        }
    }

    [Benchmark]
    public int JudgeEveryClass()
    {
        reported = 0;
        foreach (var type in classes)
        {
#pragma warning disable CS0618 // obsolete for analyzer hosts; here it calls one action directly, which no host API does
            action(new SymbolAnalysisContext(type, compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                _ => reported++, _ => true, CancellationToken.None));
#pragma warning restore CS0618
        }

        return reported;
    }

    private static NotSupportedException Unexpected() => new("MailMessageAnalyzer registers another kind of action now: update the benchmark.");

    /// <summary>Hands the analyzer's compilation-start action the compilation and keeps the symbol action it registers.</summary>
    private sealed class Context(StartContext start) : AnalysisContext
    {
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => action(start);

        public override void EnableConcurrentExecution() { }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unexpected();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unexpected();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();
    }

    private sealed class StartContext(Compilation compilation)
        : CompilationStartAnalysisContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
    {
        public Action<SymbolAnalysisContext>? Action { get; private set; }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            Action = symbolKinds.SequenceEqual(new[] { SymbolKind.NamedType }) ? action : throw Unexpected();

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unexpected();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();
    }
}
