using System;
using System.Collections.Generic;
using System.Linq;
using SmtpServer;
using SmtpServer.Protocol;

namespace TypedMail.Mailbox.OAuth;

/// <summary>Makes EHLO announce XOAUTH2 and OAUTHBEARER beside PLAIN and LOGIN, wherever SmtpServer announces AUTH.</summary>
internal sealed class BearerCommandFactory : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new BearerEhloCommand(domainOrAddress);

    private sealed class BearerEhloCommand : EhloCommand
    {
        public BearerEhloCommand(string domainOrAddress)
            : base(domainOrAddress)
        {
        }

        protected override IEnumerable<string> GetExtensions(ISessionContext context) =>
            base.GetExtensions(context).Select(e => e.StartsWith("AUTH ", StringComparison.OrdinalIgnoreCase) ? e + " XOAUTH2 OAUTHBEARER" : e);
    }
}
