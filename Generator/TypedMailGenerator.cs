using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedMail.Generator.Emitting;
using TypedMail.Generator.Model;
using TypedMail.Generator.Parsing;

namespace TypedMail.Generator;

/// <summary>
/// Writes the builder, rendering and sending code of <c>[MailMessage]</c> classes and the sender of
/// <c>[SmtpServer]</c> classes. Only the pipeline is here: parsing is in <c>Parsing/</c>, models in <c>Model/</c>,
/// emission in <c>Emitting/</c>. What cannot be generated is skipped; the analyzers report why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TypedMailGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental tests.</summary>
    public static class Steps
    {
        public const string Messages = "TypedMail.Messages";
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
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                static (context, cancellationToken) => Guard(() => MessageParser.Parse(context, cancellationToken)))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.Messages);

        // Bodies name their layout and partials inside their text, so every AdditionalFiles item is a candidate; each
        // is read once (per-item caching), and a message whose templates read none of the changed ones binds to an
        // equal spec, so its output is not rewritten.
        var templateFiles = context.AdditionalTextsProvider
            .Select(static (file, cancellationToken) => Guard(() => file.GetText(cancellationToken) is { } text ? new TemplateFile(file.Path, text.ToString()) : null))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .Collect()
            .Select(static (files, _) => EquatableArray.From(files.OrderBy(f => f.Path, StringComparer.Ordinal)))
            .WithTrackingName(Steps.TemplateFiles);

        var resolved = messages
            .Combine(templateFiles)
            .Select(static (pair, _) => Guard(() => TemplateResolver.Resolve(pair.Left, pair.Right)))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.ResolvedMessages);

        var servers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "TypedMail.SmtpServerAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (context, cancellationToken) => Guard(() => ServerParser.Parse(context, cancellationToken)))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.Servers);

        context.RegisterSourceOutput(resolved, static (output, spec) =>
        {
            var source = Guard(() => MessageEmitter.Emit(spec));
            if (source is not null)
            {
                output.AddSource(MessageEmitter.HintName(spec), source);
            }
        });
        context.RegisterSourceOutput(servers, static (output, spec) =>
        {
            var source = Guard(() => ServerEmitter.Emit(spec));
            if (source is not null)
            {
                output.AddSource(ServerEmitter.HintName(spec), source);
            }
        });
    }

    /// <summary>Runs a step; an unexpected exception skips the class instead of reaching the user's build (CS8785).</summary>
    private static T? Guard<T>(Func<T?> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }
}
