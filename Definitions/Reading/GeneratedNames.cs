using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Definitions;

/// <summary>The names the generated code declares in a class: a user member with one of them makes the class ungeneratable (TM0018).</summary>
internal static class GeneratedNames
{
    /// <summary>Declared in every message class (and every name that starts with "TypedMail").</summary>
    public static readonly IReadOnlyCollection<string> Message = new[]
    {
        "Create", "Builder", "Build", "ToMimeMessage", "ToSmtpMessage", "SendAsync",
    };

    /// <summary>Declared in every server class.</summary>
    public static readonly IReadOnlyCollection<string> Server = new[]
    {
        "CreateSettings", "SendAsync", "SendManyAsync", "Dispose", "DisposeAsync", "typedMailSender", "typedMailOwnedSender",
    };

    private const string ReservedPrefix = "TypedMail";

    /// <summary>
    /// Whether a message class's method only overloads a generated one: every generated method but SendAsync is
    /// parameterless, and SendAsync takes an ISmtpSender first (a user's <c>static SendAsync(string host, int port)</c> is fine).
    /// </summary>
    private static bool IsOverload(ISymbol member) => member is IMethodSymbol method
        && method.Parameters.Length > 0
        && !(method.Name == "SendAsync" && method.Parameters[0].Type.Name is "SmtpSender" or "ISmtpSender");

    /// <summary>
    /// The first member of the class (or of a base class that is not itself generated) whose name the generated code
    /// declares too, or <see langword="null"/>.
    /// </summary>
    public static string? Clash(INamedTypeSymbol type, IReadOnlyCollection<string> generated, bool isMessage)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = BaseClasses.Of(t))
        {
            var inherited = !SymbolEqualityComparer.Default.Equals(t, type);
            if (inherited && (t.ContainingAssembly is null || t.DeclaringSyntaxReferences.Length == 0 || (isMessage && Attributes.IsMessage(t))))
            {
                continue;   // a generated base declares these names itself; the generated code hides them with 'new'
            }

            foreach (var member in t.GetMembers().Concat(t.GetTypeMembers()))
            {
                // The name first: only a clashing name needs the attribute check that tells the generated members apart.
                var clashes = (generated.Contains(member.Name) && !(isMessage && IsOverload(member)))
                    || (isMessage && member.Name.StartsWith(ReservedPrefix, System.StringComparison.Ordinal));
                if (clashes && !member.IsImplicitlyDeclared && !(inherited && member.DeclaredAccessibility == Accessibility.Private)
                    && member is not IMethodSymbol { MethodKind: not MethodKind.Ordinary } && !Attributes.IsGenerated(member))
                {
                    return member.Name;
                }
            }
        }

        return null;
    }
}
