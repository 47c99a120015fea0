using Microsoft.CodeAnalysis;

namespace TypedMail.Generator;

/// <summary>TM0099: the generator failed on a class. Reported by the generator itself, without a location.</summary>
internal static class InternalError
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TM0099",
        "Internal error in the TypedMail generator",
        "The TypedMail generator failed on '{0}' with {1}: no code was generated for it; please report this",
        "TypedMail.Generation",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An unexpected exception inside the generator. The class gets no generated code, so calls of its builder fail to compile.",
        helpLinkUri: "https://github.com/typedmail/typedmail/blob/main/docs/diagnostics/TM0099.md");
}
