using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Symbols;
using TypedMail.Analyzers.Templates;
using TypedMail.Definitions;
using TypedMail.Definitions.Model;

namespace TypedMail.Analyzers.Problems;

/// <summary>
/// Turns the definition reader's problems into diagnostics: the reader says what and where (member, attribute
/// argument, span of a template), this finds the <see cref="Location"/>.
/// </summary>
internal sealed class ProblemReporter
{
    /// <summary>The key of the diagnostic property naming the member a TM0007 placeholder should be renamed to.</summary>
    public const string NearestMemberKey = "NearestMember";

    private readonly INamedTypeSymbol type;
    private readonly ImmutableArray<AdditionalText> files;
    private readonly CancellationToken cancellationToken;

    public ProblemReporter(INamedTypeSymbol type, ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        this.type = type;
        this.files = files;
        this.cancellationToken = cancellationToken;
    }

    public void Report(EquatableArray<Problem> problems, Action<Diagnostic> report)
    {
        foreach (var problem in problems)
        {
            if (Descriptors.ForProblem(problem.Kind) is not { } descriptor)
            {
                continue;
            }

            var (location, precise) = Locate(problem.Site);
            var properties = problem.Suggestion is { } suggestion && precise
                ? ImmutableDictionary<string, string?>.Empty.Add(NearestMemberKey, suggestion)
                : ImmutableDictionary<string, string?>.Empty;
            report(Diagnostic.Create(descriptor, location, properties, problem.Arguments.Cast<object>().ToArray()));
        }
    }

    /// <summary>Where the site is, and whether it points into the C# text itself (so a code fix may edit it).</summary>
    private (Location Location, bool Precise) Locate(ProblemSite site)
    {
        switch (site.Kind)
        {
            case SiteKind.Member:
                return (MemberLocation(site.Member!) ?? ClassLocation(), false);
            case SiteKind.Argument:
                return (Argument(site.Slot!)?.Location ?? ClassLocation(), false);
            case SiteKind.TemplateText:
                return TemplateLocation(site);
            default:
                return (ClassLocation(), false);
        }
    }

    private Location ClassLocation() =>
        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.GetLocation()
        ?? type.Locations.FirstOrDefault() ?? Location.None;

    private Location? MemberLocation(string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            var member = t.GetMembers(name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
            if (member is not null)
            {
                return member.Locations.FirstOrDefault(l => l.IsInSource);
            }
        }

        return null;
    }

    /// <summary>The attribute argument (or the attribute's name when the argument is not written).</summary>
    private (Location Location, AttributeArguments Attribute, ExpressionSyntax? Expression)? Argument(AttributeSlot slot)
    {
        var data = type.GetAttributes().Where(a => Attributes.Is(a, slot.Attribute)).Skip(slot.Index).FirstOrDefault();
        if (data is null)
        {
            return null;
        }

        var attribute = new AttributeArguments(data, cancellationToken);
        var expression = slot.Argument switch
        {
            null => null,
            { } argument when int.TryParse(argument, out var position) => attribute.PositionalExpression(position),
            { } argument => attribute.NamedExpression(argument),
        };
        return (expression?.GetLocation() ?? attribute.Location, attribute, expression);
    }

    private (Location Location, bool Precise) TemplateLocation(ProblemSite site)
    {
        var argument = Argument(site.Slot!);
        if (site.FilePath is { } path)
        {
            var file = files.FirstOrDefault(f => f.Path == path);
            if (file?.GetText(cancellationToken) is { } content)
            {
                return (TemplateText.FromFile(file, content, argument?.Location ?? ClassLocation()).Locate(site.Start, site.Length), false);
            }
        }

        if (argument is not { } found)
        {
            return (ClassLocation(), false);
        }

        var text = site.Slot!.Argument is { } name && int.TryParse(name, out var position)
            ? found.Attribute.Positional(position)
            : found.Attribute.NamedString(site.Slot.Argument!);
        var template = TemplateText.Inline(text ?? string.Empty, found.Expression);
        return (template.Locate(site.Start, site.Length), template.IsPrecise);
    }
}
