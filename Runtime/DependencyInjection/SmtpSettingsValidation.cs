using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace TypedMail;

/// <summary>Validates bound <see cref="SmtpSettings"/> with <see cref="SmtpRules"/>: the same rules as the analyzers and the send path.</summary>
internal sealed class SmtpSettingsValidation : IValidateOptions<SmtpSettings>
{
    public ValidateOptionsResult Validate(string? name, SmtpSettings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("TypedMail: Host is required (4D error 10005).");
        }

        if (options.MaxConnections < 1)
        {
            failures.Add($"TypedMail: MaxConnections must be at least 1 (it is {options.MaxConnections}).");
        }

        if (options.IdleCheckSeconds < 0)
        {
            failures.Add($"TypedMail: IdleCheckSeconds cannot be negative (it is {options.IdleCheckSeconds}).");
        }

        if (options.HasIncompleteCredentials)
        {
            failures.Add("TypedMail: UserName and Password go together: give both or neither (error 12015).");
        }

        failures.AddRange(SmtpRules.Check(options.Port, options.Mode, options.HasCredentials, options.TimeoutSeconds)
            .Where(v => v.Severity == RuleSeverity.Error && options.EnforceRules)
            .Select(v => $"{v.Id}: {v.Message}."));
        if (options.Dkim is not null)
        {
            failures.AddRange(DkimSigning.Check(options.Dkim).Select(problem => "TypedMail: " + problem));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
