namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>A template syntax error (reported as TM0022): what is wrong and where.</summary>
/// <param name="Message">What is wrong, naming the construct as written.</param>
/// <param name="Span">Where in the template text.</param>
internal sealed record TemplateSyntaxError(string Message, SourceSpan Span);
