namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>Where something is written in a template's text: a start offset and a length, in characters.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">How many characters.</param>
internal readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public static SourceSpan FromBounds(int start, int end) => new(start, end - start);
}
