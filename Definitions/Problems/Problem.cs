using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>Where a problem is, without a <c>Location</c>: the analyzers find the location, the generator stays cacheable.</summary>
internal enum SiteKind
{
    /// <summary>The class name.</summary>
    Class,
    /// <summary>A member's name (<see cref="ProblemSite.Member"/>).</summary>
    Member,
    /// <summary>An attribute argument, or the attribute's name when the argument is not written (<see cref="ProblemSite.Slot"/>).</summary>
    Argument,
    /// <summary>A span inside a template's text (<see cref="ProblemSite.Slot"/>, <see cref="ProblemSite.FilePath"/>, start and length).</summary>
    TemplateText,
}

/// <summary>Where a problem is.</summary>
internal sealed record ProblemSite(SiteKind Kind, string? Member, AttributeSlot? Slot, string? FilePath, int Start, int Length)
{
    public static ProblemSite Class { get; } = new(SiteKind.Class, null, null, null, 0, 0);

    public static ProblemSite OfMember(string name) => new(SiteKind.Member, name, null, null, 0, 0);

    public static ProblemSite OfArgument(AttributeSlot slot) => new(SiteKind.Argument, null, slot, null, 0, 0);

    /// <summary>A span of a template's text (inline: the attribute argument; file: the item's full path).</summary>
    public static ProblemSite InTemplate(TemplateSpec template, int start, int length) =>
        new(SiteKind.TemplateText, null, template.Origin, template.FoundPath, start, length);
}

/// <summary>
/// One thing wrong with a definition: what, where, and the message arguments of its diagnostic (in the descriptor's
/// order). <see cref="Suggestion"/> is what a code fix would write (TM0007's nearest member).
/// </summary>
internal sealed record Problem(ProblemKind Kind, ProblemSite Site, EquatableArray<string> Arguments, string? Suggestion = null)
{
    public static Problem Create(ProblemKind kind, ProblemSite site, params string[] arguments) =>
        new(kind, site, EquatableArray.From(arguments));
}
