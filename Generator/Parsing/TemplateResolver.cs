using System;
using System.Collections.Generic;
using System.Linq;
using TypedMail.Generator.Model;

namespace TypedMail.Generator.Parsing;

/// <summary>
/// Fills file-based templates from the AdditionalFiles texts and checks every placeholder against the members. A spec
/// that names a missing file or an unknown member, or formats a value that cannot be formatted, is dropped.
/// </summary>
internal static class TemplateResolver
{
    public static MessageSpec? Resolve(MessageSpec spec, EquatableArray<TemplateFile> files)
    {
        var textBody = Fill(spec.TextBody, files);
        var htmlBody = Fill(spec.HtmlBody, files);
        if (textBody is { IsResolved: false } || htmlBody is { IsResolved: false })
        {
            return null;
        }

        var members = spec.Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var templates = new[] { spec.Subject, textBody, htmlBody }.Concat(spec.Headers.Select(h => h.Value));
        foreach (var template in templates)
        {
            if (template is not null && !template.Parts.All(part => Fits(part, members)))
            {
                return null;
            }
        }

        return spec with { TextBody = textBody, HtmlBody = htmlBody };
    }

    /// <summary>The paths of the AdditionalFiles items the spec's templates name.</summary>
    public static IEnumerable<string> FilePaths(MessageSpec spec) =>
        new[] { spec.TextBody?.FilePath, spec.HtmlBody?.FilePath }.Where(p => p is not null).Select(p => p!);

    /// <summary>
    /// Whether an AdditionalFiles path is the file a template names: it ends with the relative path, separators
    /// normalized to '/', compared ordinally (the analyzers' TemplateFiles matches the same way for TM0015).
    /// </summary>
    public static bool Matches(string additionalPath, string templatePath)
    {
        var full = additionalPath.Replace('\\', '/');
        var relative = templatePath.Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative.Substring(2);
        }

        relative = relative.TrimStart('/');
        return relative.Length > 0 && (full == relative || full.EndsWith("/" + relative, StringComparison.Ordinal));
    }

    private static TemplateSpec? Fill(TemplateSpec? template, EquatableArray<TemplateFile> files)
    {
        if (template?.FilePath is not { } path)
        {
            return template;
        }

        var file = files.FirstOrDefault(f => Matches(f.Path, path));
        return file is null ? template : MessageParser.Inline(file.Text) ?? template;
    }

    private static bool Fits(TemplatePart part, Dictionary<string, MemberSpec> members)
    {
        if (!part.IsPlaceholder)
        {
            return true;
        }

        if (!members.TryGetValue(part.Text, out var member))
        {
            return false;
        }

        return part.Format is null || member.Value is ValueKind.Formattable or ValueKind.InterfaceFormattable or ValueKind.Enum;
    }
}
