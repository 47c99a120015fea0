using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Messages;
using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Analyzers.Templates;

/// <summary>Turns the template binder's problems into diagnostics at the exact span: in the literal, the body file, a layout or a partial.</summary>
internal static class TemplateProblems
{
    public static Diagnostic? Report(TemplateProblem problem, TemplateText template, Location? layoutLocation, ImmutableArray<AdditionalText> files, CancellationToken ct)
    {
        var descriptor = problem.Id switch
        {
            DiagnosticIds.UnknownPlaceholder => Descriptors.UnknownPlaceholder,
            DiagnosticIds.MissingTemplateFile => Descriptors.MissingTemplateFile,
            DiagnosticIds.WrongSectionType => Descriptors.WrongSectionType,
            DiagnosticIds.TemplateSyntax => Descriptors.TemplateSyntax,
            _ => null,   // TM0020 (formats) is judged by the definition reader
        };
        if (descriptor is null)
        {
            return null;
        }

        var location = problem.AtLayoutArgument ? layoutLocation ?? Location.None
            : problem.FilePath is null ? template.Locate(problem.Span.Start, problem.Span.Length)
            : InFile(problem.FilePath, problem.Span.Start, problem.Span.Length, files, ct);
        var properties = problem.Suggestion is not null && problem.FilePath is null && template.IsPrecise
            ? ImmutableDictionary<string, string?>.Empty.Add(MailMessageAnalyzer.NearestMemberKey, problem.Suggestion)
            : ImmutableDictionary<string, string?>.Empty;
        return Diagnostic.Create(descriptor, location, properties, problem.Message);
    }

    private static Location InFile(string path, int start, int length, ImmutableArray<AdditionalText> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            if (file.Path == path && file.GetText(ct) is { } text)
            {
                var span = new TextSpan(start, length);
                return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            }
        }

        return Location.None;
    }
}
