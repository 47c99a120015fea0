namespace TypedMail;

/// <summary>Where a session failed: the same exception type means different things in each phase.</summary>
internal enum SessionPhase
{
    Connect,
    Authenticate,
    Transmit,
}
