using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.Templates;

/// <summary>
/// The second half of reading a message: fills <c>File =</c> templates from the AdditionalFiles texts, resolves every
/// placeholder against the members and checks its format, then judges which members are used. The resolved model
/// always compiles: an unknown placeholder renders as nothing, a format that does not fit is dropped, a missing file
/// renders as an empty text; each of those is a problem, so the build still fails, on the TM diagnostic alone.
/// </summary>
internal static class TemplateResolver
{
    /// <summary>The paths of the AdditionalFiles items the spec's templates name.</summary>
    public static IEnumerable<string> FilePaths(MessageSpec spec) =>
        spec.Templates.Where(t => t.FilePath is not null).Select(t => t.FilePath!);

    public static Reading<MessageSpec> Resolve(MessageSpec spec, IReadOnlyList<TemplateFile> files)
    {
        var problems = new List<Problem>();
        var members = new Dictionary<string, MemberSpec>(System.StringComparer.Ordinal);
        foreach (var member in spec.Members)
        {
            members[member.Name] = member;
        }

        var used = new HashSet<string>(System.StringComparer.Ordinal);
        TemplateSpec? Resolve(TemplateSpec? template) =>
            template is null ? null : ResolveOne(spec.Type.Name, Fill(template, files, problems), members, used, problems);

        var resolved = spec with
        {
            Subject = Resolve(spec.Subject),
            TextBody = Resolve(spec.TextBody),
            HtmlBody = Resolve(spec.HtmlBody),
            Headers = EquatableArray.From(spec.Headers.Select(h => h with { Value = Resolve(h.Value)! }).ToList()),
            Unsubscribe = Resolve(spec.Unsubscribe),
            UnsubscribeMailto = Resolve(spec.UnsubscribeMailto),
        };

        // With a template missing, any member may be the one it would use: judging usage then would only add noise.
        if (!resolved.Templates.Any(t => t.IsMissing))
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

    private static TemplateSpec ResolveOne(string className, TemplateSpec template, Dictionary<string, MemberSpec> members, HashSet<string> used, List<Problem> problems)
    {
        if (template.Text is not { } text)
        {
            return template;
        }

        var (segments, errors) = PlaceholderScanner.Scan(text);
        foreach (var error in errors)
        {
            problems.Add(Problem.Create(ProblemKind.UnknownPlaceholder, ProblemSite.InTemplate(template, error.Start, error.Length),
                $"The {template.Role} template is malformed: {error.Message}"));
        }

        var parts = new List<TemplatePart>();
        foreach (var segment in segments)
        {
            if (segment.Kind == TemplateSegmentKind.Literal)
            {
                parts.Add(new TemplatePart(false, segment.Text, null));
                continue;
            }

            used.Add(segment.Text);
            if (!members.TryGetValue(segment.Text, out var member))
            {
                var nearest = NearestName.Find(segment.Text, members.Keys);
                if (nearest is not null)
                {
                    used.Add(nearest);   // a misspelled use is still a use: TM0007 alone tells about it
                }

                var message = nearest is null
                    ? $"The placeholder '{segment.Text}' in the {template.Role} names no member of '{className}'"
                    : $"The placeholder '{segment.Text}' in the {template.Role} names no member of '{className}': did you mean '{nearest}'?";
                var site = ProblemSite.InTemplate(template, segment.NameStart, segment.Text.Length);
                problems.Add(new Problem(ProblemKind.UnknownPlaceholder, site, EquatableArray.From(new[] { message }), nearest));
                continue;   // renders as nothing
            }

            var format = segment.Format;
            if (format is not null && FormatCheck.Problem(member, format) is { } formatProblem)
            {
                problems.Add(Problem.Create(ProblemKind.InvalidFormat, ProblemSite.InTemplate(template, segment.Start, segment.Length),
                    segment.Text, format, formatProblem));
                format = null;   // rendered without the format
            }

            parts.Add(new TemplatePart(true, segment.Text, format));
        }

        return template with { Parts = EquatableArray.From(parts) };
    }
}
