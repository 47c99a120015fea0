using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedMail.Definitions;

/// <summary>
/// Which members a computed member reads (<c>FullName =&gt; First + " " + Last</c> reads First and Last), through the
/// class's own properties and methods: a template that uses FullName uses First and Last too (no TM0008 on them).
/// Read from the syntax by name: a name the body mentions counts, which errs on the side of "used".
/// </summary>
internal sealed class MemberReads
{
    private readonly INamedTypeSymbol type;
    private readonly CancellationToken cancellationToken;

    // Filled by name on demand: most members are plain storage, and the analyzers see the generated methods too,
    // whose bodies no member reads lead to.
    private readonly Dictionary<string, HashSet<string>?> direct = new(System.StringComparer.Ordinal);

    public MemberReads(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        this.type = type;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The members among <paramref name="members"/> that <paramref name="name"/> reads, directly or through others.</summary>
    public IReadOnlyList<string> Of(string name, ISet<string> members)
    {
        if (Direct(name) is null)
        {
            return System.Array.Empty<string>();   // plain storage (most members): it reads nothing
        }

        var seen = new HashSet<string>(System.StringComparer.Ordinal) { name };
        var pending = new Stack<string>();
        pending.Push(name);
        while (pending.Count > 0)
        {
            if (Direct(pending.Pop()) is not { } names)
            {
                continue;
            }

            foreach (var next in names)
            {
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        seen.Remove(name);
        return seen.Where(members.Contains).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
    }

    /// <summary>The names mentioned by the bodies of the properties and methods called <paramref name="name"/>, in the class and its bases.</summary>
    private HashSet<string>? Direct(string name)
    {
        if (direct.TryGetValue(name, out var names))
        {
            return names;
        }

        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = BaseClasses.Of(t))
        {
            foreach (var member in t.GetMembers(name))
            {
                if (member is not (IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }) || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var body = Body(reference.GetSyntax(cancellationToken));
                    if (body is null)
                    {
                        continue;
                    }

                    names ??= new HashSet<string>(System.StringComparer.Ordinal);
                    foreach (var identifier in body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                    {
                        names.Add(identifier.Identifier.ValueText);
                    }
                }
            }
        }

        direct[name] = names;
        return names;
    }

    /// <summary>The code that runs when the member is read or called: accessor bodies, expression bodies.</summary>
    private static SyntaxNode? Body(SyntaxNode declaration) => declaration switch
    {
        PropertyDeclarationSyntax { ExpressionBody: { } body } => body,
        PropertyDeclarationSyntax { AccessorList: { } accessors } when HasCode(accessors) => accessors,
        MethodDeclarationSyntax method => (SyntaxNode?)method.ExpressionBody ?? method.Body,
        _ => null,
    };

    // An auto-property's accessors ({ get; init; }) run no code of the class's.
    private static bool HasCode(AccessorListSyntax accessors)
    {
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return true;
            }
        }

        return false;
    }
}
