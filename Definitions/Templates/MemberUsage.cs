using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.Templates;

/// <summary>
/// TM0008: a member the builder sets that no template, recipient, attachment or header uses. A member counts as used
/// when a used member reads it (a template's <c>{{FullName}}</c> with <c>FullName =&gt; First + " " + Last</c> uses
/// First and Last). Members declared in base classes are judged there.
/// </summary>
internal static class MemberUsage
{
    public static void Report(MessageSpec spec, HashSet<string> placeholders, List<Problem> problems)
    {
        var used = new HashSet<string>(placeholders, System.StringComparer.Ordinal);
        foreach (var member in spec.Members.Where(m => m.HasRoleAttribute))
        {
            used.Add(member.Name);
        }

        foreach (var member in spec.Members.Where(m => used.Contains(m.Name)).ToList())
        {
            used.UnionWith(member.Reads);
        }

        foreach (var member in spec.Members)
        {
            if (member.Writable && !member.Inherited && !used.Contains(member.Name))
            {
                problems.Add(Problem.Create(ProblemKind.UnusedMember, ProblemSite.OfMember(member.Name), member.Name, spec.Type.Name));
            }
        }
    }
}
