using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TypedMail.Analyzers.Facade;

/// <summary>What one method body sets, whatever the order: ports per protocol and whether it authenticates.</summary>
internal sealed class BodyFacts
{
    private PortSetting _smtpPort;
    private PortSetting _sslPort;

    /// <summary>Whether a call with a non-empty (or run-time) user name is made.</summary>
    public bool Authenticated { get; private set; }

    /// <summary>Whether the value is a user name that configures authentication: non-empty, or known only at run time.</summary>
    public static bool IsUser(IOperation value) =>
        !(value.ConstantValue.HasValue && string.IsNullOrEmpty(value.ConstantValue.Value as string));

    public void Authenticate(IOperation? user)
    {
        if (user is not null && IsUser(user))
        {
            Authenticated = true;
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
