using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedMail.Definitions;
using TypedMail.Definitions.Model;
using TypedMail.Definitions.Templates;
using TypedMail.Generator.Emitting;

namespace TypedMail.Generator;

/// <summary>
/// Writes the builder, rendering and sending code of <c>[MailMessage]</c> classes and the sender of
/// <c>[SmtpServer]</c> classes. Only the pipeline is here: classes are read by the definition reader shared with the
/// analyzers (<c>Definitions/</c>), emission is in <c>Emitting/</c>. A class with errors is still emitted whenever it
/// can compile (the analyzers report the errors); one that cannot be generated at all is TM0018, reported by the
/// analyzers; an exception here is TM0099, reported by this generator.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TypedMailGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental tests.</summary>
    public static class Steps
    {
        public const string Messages = "TypedMail.Messages";
        public const string TemplatePaths = "TypedMail.TemplatePaths";
        public const string TemplateFiles = "TypedMail.TemplateFiles";
        public const string ResolvedMessages = "TypedMail.ResolvedMessages";
        public const string Servers = "TypedMail.Servers";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var messages = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "TypedMail.MailMessageAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (context, cancellationToken) => Guarded<MessageSpec>.Run(context.TargetSymbol, () =>
                    MessageReader.Read((INamedTypeSymbol)context.TargetSymbol, context.SemanticModel.Compilation, cancellationToken)))
            .WithTrackingName(Steps.Messages);

        // Only the AdditionalFiles that a template names are read.
        var templatePaths = messages
            .SelectMany(static (read, _) => read.Reading is { CanGenerate: true, Model: { } spec } ? TemplateResolver.FilePaths(spec) : Enumerable.Empty<string>())
            .Collect()
            .Select(static (paths, _) => EquatableArray.From(paths.Distinct().OrderBy(p => p, StringComparer.Ordinal)))
            .WithTrackingName(Steps.TemplatePaths);

        var templateFiles = context.AdditionalTextsProvider
            .Combine(templatePaths)
            .Where(static pair => pair.Right.Any(path => Definitions.Templates.TemplateFiles.Matches(pair.Left.Path, path)))
            .Select(static (pair, cancellationToken) => pair.Left.GetText(cancellationToken) is { } text ? new TemplateFile(pair.Left.Path, text.ToString()) : null)
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .Collect()
            .Select(static (files, _) => EquatableArray.From(files.OrderBy(f => f.Path, StringComparer.Ordinal)))
            .WithTrackingName(Steps.TemplateFiles);

        var resolved = messages
            .Combine(templateFiles)
            .Select(static (pair, _) => pair.Left.Failure is not null || !pair.Left.Reading!.CanGenerate
                ? pair.Left
                : Guarded<MessageSpec>.Run(pair.Left.ClassName, () => TemplateResolver.Resolve(pair.Left.Reading.Model!, pair.Right.ToList())))
            .WithTrackingName(Steps.ResolvedMessages);

        var servers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "TypedMail.SmtpServerAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (context, cancellationToken) => Guarded<ServerSpec>.Run(context.TargetSymbol, () =>
                    ServerReader.Read((INamedTypeSymbol)context.TargetSymbol, cancellationToken)))
            .WithTrackingName(Steps.Servers);

        context.RegisterSourceOutput(resolved, static (output, read) =>
            Emit(output, read, static spec => MessageEmitter.HintName(spec), static spec => MessageEmitter.Emit(spec)));
        context.RegisterSourceOutput(servers, static (output, read) =>
            Emit(output, read, static spec => ServerEmitter.HintName(spec), static spec => ServerEmitter.Emit(spec)));
    }

    /// <summary>Emits one class: the cancellation is checked once per class, an exception becomes TM0099.</summary>
    private static void Emit<T>(SourceProductionContext output, Guarded<T> read, Func<T, string> hintName, Func<T, string> emit)
        where T : class
    {
        output.CancellationToken.ThrowIfCancellationRequested();
        if (read.Failure is { } failure)
        {
            output.ReportDiagnostic(Diagnostic.Create(InternalError.Descriptor, Location.None, read.ClassName, failure));
            return;
        }

        if (read.Reading is not { CanGenerate: true, Model: { } spec })
        {
            return;   // the analyzers report why (TM0011, TM0018)
        }

        string source;
        try
        {
            source = emit(spec);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(InternalError.Descriptor, Location.None, read.ClassName, exception.GetType().FullName));
            return;
        }

        output.AddSource(hintName(spec), source);
    }
}
