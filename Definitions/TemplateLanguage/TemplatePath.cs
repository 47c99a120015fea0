using System.Collections.Generic;
using System.Linq;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>Where a path's first name is looked up.</summary>
internal enum PathRoot
{
    /// <summary><c>Name</c>: the innermost <c>#each</c> element first, then outward up to the message.</summary>
    Scope,
    /// <summary><c>this</c>, <c>this.Name</c> or <c>./Name</c>: the innermost scope only (after any <c>../</c>).</summary>
    This,
    /// <summary><c>@index</c>, <c>@first</c>, <c>@last</c>: the innermost loop's variables.</summary>
    LoopVariable,
}

/// <summary>One member name of a path, with where it is written.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Span">Where the name is written.</param>
internal sealed record PathSegment(string Name, SourceSpan Span);

/// <summary>A member path such as <c>Customer.Name</c>, <c>this</c>, <c>../Name</c> or <c>@index</c>.</summary>
/// <param name="Root">Where the first name is looked up.</param>
/// <param name="ParentDepth">How many <c>../</c> precede the names (0 for none).</param>
/// <param name="Segments">The member names, outermost first (empty for <c>this</c> and loop variables).</param>
/// <param name="Variable">The loop variable's name without '@' (<c>index</c>, <c>first</c>, <c>last</c>), for <see cref="PathRoot.LoopVariable"/>.</param>
/// <param name="Span">Where the whole path is written.</param>
internal sealed record TemplatePath(PathRoot Root, int ParentDepth, IReadOnlyList<PathSegment> Segments, string? Variable, SourceSpan Span)
{
    /// <summary>The path as written in a template, normalized (<c>../Customer.Name</c>).</summary>
    public string Text => Root switch
    {
        PathRoot.LoopVariable => "@" + Variable,
        PathRoot.This when Segments.Count == 0 => Parents + "this",
        PathRoot.This => Parents + "this." + Names,
        _ => Parents + Names,
    };

    private string Parents => string.Concat(Enumerable.Repeat("../", ParentDepth));

    private string Names => string.Join(".", Segments.Select(s => s.Name));
}
