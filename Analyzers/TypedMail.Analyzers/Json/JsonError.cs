using Microsoft.CodeAnalysis.Text;

namespace TypedMail.Analyzers.Json;

/// <summary>Why a file is not JSON, and where reading stopped.</summary>
/// <param name="Message">What is wrong, in words (e.g. "expected ':' after the key \"Port\"").</param>
/// <param name="Span">Where: the character (or end of file) at which reading stopped.</param>
internal sealed record JsonError(string Message, TextSpan Span);
