using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;
using TypedMail.Definitions.TemplateBinding;

namespace TypedMail.Definitions.Templates;

/// <summary>
/// The second half of reading a message: fills <c>File =</c> templates from the AdditionalFiles texts, resolves every
/// placeholder against the members and checks its format, then judges which members are used. The resolved model
/// always compiles: an unknown placeholder renders as nothing, a format that does not fit is dropped, a missing file
/// renders as an empty text; each of those is a problem, so the build still fails, on the TM diagnostic alone.
/// </summary>
internal static class TemplateResolver
{
    public static Reading<MessageSpec> Resolve(MessageSpec spec, IReadOnlyList<TemplateFile> files)
    {
        var problems = new List<Problem>();

        var used = new HashSet<string>(System.StringComparer.Ordinal);
        TemplateSpec? Resolve(TemplateSpec? template) =>
            template is null ? null : ResolveOne(spec, Fill(template, files, problems), files, used, problems);

        var resolved = spec with
        {
            Subject = Resolve(spec.Subject),
            TextBody = Resolve(spec.TextBody),
            HtmlBody = Resolve(spec.HtmlBody),
            Headers = EquatableArray.From(spec.Headers.Select(h => h with { Value = Resolve(h.Value)! }).ToList()),
            Unsubscribe = Resolve(spec.Unsubscribe),
            UnsubscribeMailto = Resolve(spec.UnsubscribeMailto),
        };

        // With a template missing or broken (TM0022), any member may be the one it would use: judging usage then would
        // only add noise. One mistake, one diagnostic.
        if (!problems.Any(p => p.Kind is ProblemKind.MissingTemplateFile or ProblemKind.TemplateSyntax))
        {
            MemberUsage.Report(resolved, used, problems);
        }

        return Reading<MessageSpec>.Of(resolved, problems);
    }

    private static TemplateSpec Fill(TemplateSpec template, IReadOnlyList<TemplateFile> files, List<Problem> problems)
    {
        if (template.FilePath is not { } path)
        {
            return template;
        }

        var found = TemplateFiles.Find(files.Select(f => f.Path), path);
        if (found is null)
        {
            problems.Add(Problem.Create(ProblemKind.MissingTemplateFile, ProblemSite.OfArgument(template.Origin), path));
            return template with { Text = null };
        }

        return template with { Text = files.First(f => f.Path == found).Text, FoundPath = found };
    }

    private static TemplateSpec ResolveOne(MessageSpec spec, TemplateSpec template, IReadOnlyList<TemplateFile> files, HashSet<string> used, List<Problem> problems)
    {
        if (template.Text is not { } text)
        {
            return template;
        }

        TemplateSource? Find(string path) =>
            TemplateFiles.Find(files.Select(f => f.Path), path) is { } found ? new TemplateSource(found, files.First(f => f.Path == found).Text) : null;

        string? CheckFormat(string name, string format) =>
            spec.Members.FirstOrDefault(m => m.Name == name) is { } member ? FormatCheck.Problem(member, format) : null;

        var context = new TemplateBindingContext(spec.Shapes, spec.Type.Name, template.Role, template.IsHtml, template.LayoutPath, Find, CheckFormat);
        var bound = TemplateBinder.Bind(text, context);
        used.UnionWith(bound.UsedMembers);
        foreach (var problem in bound.Problems)
        {
            var site = problem.AtLayoutArgument
                ? ProblemSite.OfArgument(template.Origin with { Argument = "Layout" })
                : new ProblemSite(SiteKind.TemplateText, null, template.Origin, problem.FilePath ?? template.FoundPath, problem.Span.Start, problem.Span.Length);
            problems.Add(new Problem(problem.Kind, site, EquatableArray.From(problem.Arguments), problem.Suggestion));
        }

        return template with { Steps = EquatableArray.From(bound.Steps) };
    }
}
