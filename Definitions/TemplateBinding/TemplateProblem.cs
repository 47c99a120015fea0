namespace TypedMail.Definitions.TemplateBinding;

using TypedMail.Definitions.TemplateLanguage;

/// <summary>
/// Something wrong in a template, found while parsing or binding: its kind and full message, and where it is.
/// </summary>
/// <param name="Kind">What is wrong; the one table in the Generator maps it to its diagnostic.</param>
/// <param name="FilePath">
/// The AdditionalFiles path of the layout or partial the span is in, or <see langword="null"/> for the template itself.
/// </param>
/// <param name="Span">Where, in that text.</param>
/// <param name="Message">The diagnostic's message argument: the full text, or for TM0015 the missing file's path.</param>
/// <param name="Suggestion">The member name a code fix would write instead (TM0007).</param>
internal sealed record TemplateProblem(ProblemKind Kind, string? FilePath, SourceSpan Span, string Message, string? Suggestion = null)
{
    /// <summary>The problem is the <c>Layout =</c> argument itself (its file is missing), not a span of text.</summary>
    public bool AtLayoutArgument { get; init; }

    /// <summary>The message arguments when the diagnostic takes several (TM0020: path, format, reason); else just <see cref="Message"/>.</summary>
    public string[] Arguments { get; init; } = new[] { Message };
}
