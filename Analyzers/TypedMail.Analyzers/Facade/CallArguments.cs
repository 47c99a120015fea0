using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TypedMail.Analyzers.Facade;

/// <summary>Reads a call's arguments by parameter name, with their constant values and where they are written.</summary>
internal readonly struct CallArguments
{
    private readonly IInvocationOperation _invocation;

    public CallArguments(IInvocationOperation invocation) => _invocation = invocation;

    public string Method => _invocation.TargetMethod.Name;

    public System.Collections.Immutable.ImmutableArray<IArgumentOperation> Arguments => _invocation.Arguments;

    public Location CallLocation => _invocation.Syntax.GetLocation();

    public IArgumentOperation? Argument(string parameter) =>
        _invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);

    /// <summary>The argument of the first parameter whose name is one of <paramref name="parameters"/>.</summary>
    public IArgumentOperation? ArgumentOf(params string[] parameters) =>
        _invocation.Arguments.FirstOrDefault(a => a.Parameter is { } p && parameters.Contains(p.Name));

    /// <summary>Whether the argument is written in the call (not a parameter's default value).</summary>
    public static bool IsWritten(IArgumentOperation? argument) => argument is { ArgumentKind: not ArgumentKind.DefaultValue };

    public static bool TryInt(IArgumentOperation? argument, out int value)
    {
        if (argument?.Value.ConstantValue is { HasValue: true, Value: int v })
        {
            value = v;
            return true;
        }

        value = 0;
        return false;
    }

    public static string? String(IArgumentOperation? argument) =>
        argument?.Value.ConstantValue is { HasValue: true, Value: string s } ? s : null;

    /// <summary>Where the argument is written, or the whole call when it is a default value.</summary>
    public Location Where(IArgumentOperation? argument) =>
        IsWritten(argument) ? argument!.Value.Syntax.GetLocation() : CallLocation;
}
