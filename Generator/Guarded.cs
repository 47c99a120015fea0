using System;
using Microsoft.CodeAnalysis;
using TypedMail.Definitions;

namespace TypedMail.Generator;

/// <summary>
/// A pipeline step's result, or the type of the exception it threw: a bug in the generator becomes TM0099 on the
/// class, never silence and never CS8785. Equatable (strings and the equatable reading), so caching still works.
/// </summary>
internal sealed record Guarded<T>(string ClassName, Reading<T>? Reading, string? Failure)
    where T : class
{
    public static Guarded<T> Run(ISymbol type, Func<Reading<T>> step) =>
        Run(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), step);

    public static Guarded<T> Run(string className, Func<Reading<T>> step)
    {
        try
        {
            return new Guarded<T>(className, step(), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Guarded<T>(className, null, exception.GetType().FullName);
        }
    }
}
