using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>
/// Reads an <c>[SmtpServer]</c> class. The settings rules (TM0001-TM0005, TM0013) are the runtime's
/// <c>SmtpRules</c>, judged by the server analyzer; here is only what decides whether a sender can be generated.
/// </summary>
internal static class ServerReader
{
    public static Reading<ServerSpec> Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var identity = TypeIdentityReader.Read(type, problems, cancellationToken);
        var attribute = type.GetAttributes().First(a => Attributes.Is(a, "SmtpServer"));
        var host = Attributes.PositionalString(attribute, 0);
        var blocked = Blocker(type, host);
        if (blocked is not null)
        {
            problems.Add(Problem.Create(ProblemKind.CannotGenerate, ProblemSite.Class, type.Name, blocked));
        }

        if (host is null)
        {
            return Reading<ServerSpec>.Of(null, problems);
        }

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        var port = named.TryGetValue("Port", out var p) && p.Value is int portValue ? portValue : 0;
        var timeout = named.TryGetValue("TimeoutSeconds", out var t) && t.Value is int timeoutValue ? timeoutValue : SmtpDefaults.TimeoutSeconds;
        var mode = EnumMember(named.TryGetValue("Mode", out var m) ? m : default, "Upgradable");
        var authGiven = named.TryGetValue("Auth", out var a);
        var auth = EnumMember(authGiven ? a : default, "Default");
        return Reading<ServerSpec>.Of(new ServerSpec(identity, host, port, mode, auth, authGiven, timeout), problems);
    }

    private static string? Blocker(INamedTypeSymbol type, string? host)
    {
        if (host is null)
        {
            return "[SmtpServer] has no host";
        }

        if (Attributes.UserConstructors(type).Any())
        {
            return "it declares a constructor; the generated sender declares its own (credentials, options, logger)";
        }

        return GeneratedNames.Clash(type, GeneratedNames.Server, isMessage: false) is { } clash
            ? $"its member '{clash}' has a name the generated sender declares (CreateSettings, SendAsync, SendManyAsync, Dispose, DisposeAsync); rename it"
            : null;
    }

    /// <summary>The enum member's name, or its number in parentheses (a negative one stays a valid cast operand).</summary>
    private static string EnumMember(TypedConstant constant, string fallback)
    {
        if (constant.Kind != TypedConstantKind.Enum || constant.Value is null || constant.Type is not INamedTypeSymbol enumType)
        {
            return fallback;
        }

        var field = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
        return field is null ? "(" + System.Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture) + ")" : field.Name;
    }
}
