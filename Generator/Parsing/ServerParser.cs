using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedMail.Generator.Model;

namespace TypedMail.Generator.Parsing;

/// <summary>Turns an <c>[SmtpServer]</c> class into a <see cref="ServerSpec"/>, or nothing when it cannot be generated.</summary>
internal static class ServerParser
{
    private static readonly string[] GeneratedNames = { "CreateSettings", "SendAsync", "SendManyAsync", "Dispose", "DisposeAsync", "typedMailSender" };

    public static ServerSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } type
            || type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared)
            || type.GetMembers().Any(m => !m.IsImplicitlyDeclared && GeneratedNames.Contains(m.Name)))
        {
            return null;
        }

        var identity = TypeIdentityReader.Read(type, cancellationToken);
        var attribute = context.Attributes[0];
        if (identity is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string host)
        {
            return null;
        }

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        var port = named.TryGetValue("Port", out var p) && p.Value is int portValue ? portValue : 0;
        var timeout = named.TryGetValue("TimeoutSeconds", out var t) && t.Value is int timeoutValue ? timeoutValue : 30;
        var mode = EnumExpression(named.TryGetValue("Mode", out var m) ? m : default, "global::TypedMail.SessionMode", "Upgradable");
        var authGiven = named.TryGetValue("Auth", out var a);
        var auth = EnumExpression(authGiven ? a : default, "global::TypedMail.AuthMode", "Default");
        return new ServerSpec(identity, host, port, mode, auth, authGiven, timeout);
    }

    private static string EnumExpression(TypedConstant constant, string enumName, string fallback)
    {
        if (constant.Kind != TypedConstantKind.Enum || constant.Value is null || constant.Type is not INamedTypeSymbol enumType)
        {
            return enumName + "." + fallback;
        }

        var field = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
        return field is null ? $"(({enumName}){constant.Value})" : enumName + "." + field.Name;
    }
}
