using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.TemplateBinding;

/// <summary>How a value's text is written.</summary>
internal enum WriteMode
{
    /// <summary>As it is (text bodies, subjects, headers).</summary>
    Plain,
    /// <summary>HTML-encoded (HTML bodies).</summary>
    Html,
    /// <summary>An <c>HtmlString</c>'s HTML, unencoded (<c>{{{…}}}</c>).</summary>
    Raw,
}

/// <summary>One statement of a bound template: what the generated rendering method does, in order.</summary>
internal abstract record RenderStep;

/// <summary>Appends literal text.</summary>
internal sealed record WriteText(string Text) : RenderStep;

/// <summary>Appends a value.</summary>
/// <param name="Expression">C# for the value's text (a <c>string?</c>), or for <see cref="WriteMode.Raw"/> the <c>HtmlString?</c>.</param>
/// <param name="Mode">How it is written.</param>
internal sealed record WriteValue(string Expression, WriteMode Mode) : RenderStep;

/// <summary><c>#each</c>: the body once per element; a null sequence writes nothing.</summary>
/// <param name="Sequence">C# for the sequence.</param>
/// <param name="Number">Makes the loop's variable names unique in the method (<c>item3</c>, <c>index3</c>).</param>
/// <param name="CountMember"><c>Count</c> or <c>Length</c> when the sequence knows its size.</param>
/// <param name="UsesIndex">The body reads <c>@index</c> or <c>@first</c>.</param>
/// <param name="UsesLast">The body reads <c>@last</c>.</param>
/// <param name="Body">The body's steps.</param>
internal sealed record Loop(string Sequence, int Number, string? CountMember, bool UsesIndex, bool UsesLast, EquatableArray<RenderStep> Body) : RenderStep;

/// <summary><c>#if</c> / <c>#unless</c>.</summary>
/// <param name="Condition">C# for the test (a <c>bool</c>).</param>
/// <param name="Then">Steps when it holds.</param>
/// <param name="Else">Steps otherwise.</param>
internal sealed record Branch(string Condition, EquatableArray<RenderStep> Then, EquatableArray<RenderStep> Else) : RenderStep;
