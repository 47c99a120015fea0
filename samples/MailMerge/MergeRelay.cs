using TypedMail;

namespace MailMerge;

/// <summary>
/// Where the merge goes. The host and port here are placeholders: the sample points the sender at the embedded
/// Mailbox, or at the server given on the command line, through the generated constructor's options callback.
/// </summary>
[SmtpServer("localhost", Port = 2525, Mode = SessionMode.Upgradable)]
public partial class MergeRelay;
