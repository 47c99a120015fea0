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

        failures.AddRange(SmtpRules.Check(options.Port, options.Mode, options.HasCredentials, options.TimeoutSeconds)
            .Where(v => v.Severity == RuleSeverity.Error)
            .Select(v => $"{v.Id}: {v.Message}."));
        if (options.Dkim is not null)
        {
            failures.AddRange(DkimSigning.Check(options.Dkim).Select(problem => "TypedMail: " + problem));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
