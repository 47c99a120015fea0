using TypedMail;

namespace Orders;

/// <summary>Where confirmations go; host and port are pointed at the embedded Mailbox or the command line's server.</summary>
[SmtpServer("localhost", Port = 2525, Mode = SessionMode.Upgradable)]
public partial class OrderRelay;
