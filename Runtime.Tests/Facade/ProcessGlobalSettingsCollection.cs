namespace TypedMail.Runtime.Tests.Facade;

/// <summary>
/// IT_SetPort, IT_SetTimeOut and IT_SetTrustedCertificate are process-global (4D semantics): the tests that change
/// them, or that send through the facade (which reads them), run here, one at a time, and restore the defaults.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessGlobalSettingsCollection
{
    public const string Name = "IC process-global settings";
}
