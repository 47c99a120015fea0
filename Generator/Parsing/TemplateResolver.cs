using System;
using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.TemplateBinding;
using TypedMail.Generator.Model;

namespace TypedMail.Generator.Parsing;

/// <summary>
/// Binds every template of a message (its file, layout and partials read from the AdditionalFiles texts) to the
/// message's shapes. A spec whose templates have problems is dropped: the analyzers report them.
/// </summary>
internal static class TemplateResolver
{
    public static MessageSpec? Resolve(MessageSpec spec, EquatableArray<TemplateFile> files)
    {
        TemplateSource? Find(string path) =>
            files.FirstOrDefault(f => Matches(f.Path, path)) is { } file ? new TemplateSource(file.Path, file.Text) : null;

        TemplateSpec? Bind(TemplateSpec? template, string role, bool html)
        {
            if (template is null)
            {
                return null;
            }

            var text = template.FilePath is { } path ? Find(path)?.Text : template.Text;
            if (text is null)
            {
                return null;
            }

            var context = new TemplateBindingContext(spec.Shapes, spec.Type.Name, role, html, template.LayoutPath, Find);
            var bound = TemplateBinder.Bind(text, context);
            return bound.Problems.Count > 0 ? null : template with { Text = text, Steps = EquatableArray.From(bound.Steps) };
        }

        var subject = Bind(spec.Subject, "subject", html: false);
        var textBody = Bind(spec.TextBody, "text body", html: false);
        var htmlBody = Bind(spec.HtmlBody, "HTML body", html: true);
        var headers = spec.Headers.Select(h => Bind(h.Value, $"header '{h.Name}'", html: false) is { } value ? h with { Value = value } : null).ToList();
        if ((spec.Subject is not null && subject is null) || (spec.TextBody is not null && textBody is null)
            || (spec.HtmlBody is not null && htmlBody is null) || headers.Any(h => h is null))
        {
            return null;
        }

        return spec with { Subject = subject, TextBody = textBody, HtmlBody = htmlBody, Headers = EquatableArray.From(headers.Select(h => h!)) };
    }

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
}
