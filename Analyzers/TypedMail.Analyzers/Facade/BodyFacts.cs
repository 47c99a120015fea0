using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TypedMail.Analyzers.Facade;

/// <summary>
/// What one method body sets, whatever the order: ports per protocol (IT_SetPort is global, as in 4D) and which
/// message references authenticate (per <c>smtpId</c> variable or <c>SmtpMessage</c> reference: two messages in one
/// method do not share one "authenticated" fact).
/// </summary>
internal sealed class BodyFacts
{
    private readonly HashSet<ISymbol> _authenticated = new(SymbolEqualityComparer.Default);
    private PortSetting _smtpPort;
    private PortSetting _sslPort;
    private bool _authenticatedSomeUnnamed;
    private bool _authenticatedAny;

    /// <summary>
    /// Whether the message reference held by <paramref name="message"/> authenticates with a non-empty (or run-time)
    /// user. A reference that is no variable (an expression) cannot be told apart: any authentication in the body counts.
    /// </summary>
    public bool IsAuthenticated(ISymbol? message) =>
        message is null ? _authenticatedAny : _authenticatedSomeUnnamed || _authenticated.Contains(message);

    /// <summary>The variable, parameter or field an operation reads, looking through implicit conversions.</summary>
    public static ISymbol? ReferenceOf(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
    }

    /// <summary>Whether the value is a user name that configures authentication: non-empty, or known only at run time.</summary>
    public static bool IsUser(IOperation value) =>
        !(value.ConstantValue.HasValue && string.IsNullOrEmpty(value.ConstantValue.Value as string));

    public void Authenticate(IOperation? user, ISymbol? message)
    {
        if (user is null || !IsUser(user))
        {
            return;
        }

        _authenticatedAny = true;
        if (message is null)
        {
            _authenticatedSomeUnnamed = true;
        }
        else
        {
            _authenticated.Add(message);
        }
    }

    /// <summary>Records a port: for protocol 2 (SMTP), 12 (SMTP over SSL), or null for the message's own port (both).</summary>
    /// <param name="protocol">The IT_SetPort protocol, or null.</param>
    /// <param name="value">The port as written.</param>
    public void SetPort(int? protocol, IOperation value)
    {
        var setting = new PortSetting(true, value.ConstantValue is { HasValue: true, Value: int port } ? port : null, value.IsImplicit ? null : value.Syntax.GetLocation());
        if (protocol is null or 2)
        {
            _smtpPort = setting;
        }

        if (protocol is null or 12)
        {
            _sslPort = setting;
        }
    }

    /// <summary>The port a send in <paramref name="mode"/> uses: protocol 12's for implicit TLS, else protocol 2's; unknown when not set here.</summary>
    public PortSetting PortFor(TypedMail.SessionMode mode) => mode == TypedMail.SessionMode.ImplicitTls ? _sslPort : _smtpPort;
}

/// <summary>A port set in the body: whether it is set, its constant value, and where it is written.</summary>
internal readonly record struct PortSetting(bool IsSet, int? Value, Location? Written);
