namespace TypedMail;

/// <summary>Progress of a mail merge: how many messages are done, out of how many, and the last result.</summary>
/// <param name="Completed">Messages sent or failed so far.</param>
/// <param name="Total">The number of messages when known in advance.</param>
/// <param name="Last">The result of the message just finished.</param>
public sealed record SendProgress(int Completed, int? Total, SendResult Last);
