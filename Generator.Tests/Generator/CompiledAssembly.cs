using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>
/// User code plus the generated code, compiled with no diagnostics and loaded into a collectible context. TypedMail,
/// MimeKit and MailKit resolve from the test's own context, so their types are shared with the test.
/// </summary>
internal sealed class CompiledAssembly : IDisposable
{
    private readonly AssemblyLoadContext context;

    private CompiledAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static CompiledAssembly Compile(string[] sources, params AdditionalText[] files) => Compile(GeneratorHarness.Compilation(sources), files);

    /// <summary>Compiles user code that may use this test assembly's public model types.</summary>
    public static CompiledAssembly CompileWithTestModels(string[] sources, params AdditionalText[] files) =>
        Compile(GeneratorHarness.Compilation(sources).AddReferences(MetadataReference.CreateFromFile(typeof(CompiledAssembly).Assembly.Location)), files);

    private static CompiledAssembly Compile(Compilation compilation, params AdditionalText[] files)
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(compilation, files);
        Assert.Empty(generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(emitted.Success);
        image.Position = 0;
        var context = new AssemblyLoadContext("typedmail-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledAssembly(context, context.LoadFromStream(image));
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Walks the staged builder: <c>Create()</c>, one call per (member, value), then <c>Build()</c>.</summary>
    public object Build(string fullName, params (string Member, object? Value)[] steps)
    {
        var create = Type(fullName).GetMethod("Create", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        var current = create.Invoke(null, null)!;
        var step = create.ReturnType;
        foreach (var (member, value) in steps)
        {
            var method = step.GetMethod(member) ?? throw new InvalidOperationException($"{step.Name} has no {member}");
            current = method.Invoke(current, new[] { value })!;
            step = method.ReturnType;
        }

        return step.GetMethod("Build")!.Invoke(current, null)!;
    }

    /// <summary>Renders a template of a message through its generated private method (<c>TypedMailHtmlBody</c>...).</summary>
    public static string Render(object message, string method) =>
        (string)message.GetType().GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(message, null)!;

    /// <summary>Calls a public static method of the compiled code.</summary>
    public object? Call(string fullName, string method, params object?[] arguments) =>
        Type(fullName).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);

    public void Dispose() => context.Unload();
}
