using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TypedMail.Analyzers.Settings;

/// <summary>
/// What one <c>new SmtpSettings { ... }</c> ends up holding in its method: the initializer, then, when the object is
/// kept in a local, every later <c>settings.Property = value</c> in the same body. When the object escapes (passed to a
/// method such as <c>configuration.Bind(settings)</c>, returned, stored in a field or property; given to TypedMail's own
/// sender is a use, not an escape), a property not written
/// before that point is unknown: whoever received the object may set it.
/// </summary>
internal sealed class SettingsFlow
{
    private readonly Dictionary<string, IOperation> values = new(System.StringComparer.Ordinal);
    private HashSet<string>? knownAtEscape;

    private SettingsFlow()
    {
    }

    /// <summary>The last value written to each property.</summary>
    public IReadOnlyDictionary<string, IOperation> Values => values;

    /// <summary>Whether the property's value is unknown here (not written before the object escaped, nor after).</summary>
    public bool IsUnknown(string property) => knownAtEscape is not null && !knownAtEscape.Contains(property) && !values.ContainsKey(property);

    public static SettingsFlow Follow(IObjectCreationOperation creation)
    {
        var flow = new SettingsFlow();
        foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
            {
                flow.values[target.Property.Name] = assignment.Value;
            }
        }

        if (StoredIn(creation) is not { } local)
        {
            return flow;   // used where it is written: the initializer is the whole story
        }

        var root = (IOperation)creation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var references = root.Descendants()
            .OfType<ILocalReferenceOperation>()
            .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && r.Syntax.SpanStart > creation.Syntax.SpanStart)
            .OrderBy(r => r.Syntax.SpanStart);
        foreach (var reference in references)
        {
            if (reference.Parent is IPropertyReferenceOperation property && property.Instance == reference)
            {
                if (property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property)
                {
                    flow.values[property.Property.Name] = assignment.Value;
                }

                continue;   // reading a property does not let the object go
            }

            if (reference.Parent is ISimpleAssignmentOperation reassignment && reassignment.Target == reference)
            {
                break;   // the local now holds another object
            }

            if (IsGivenToTypedMail(reference))
            {
                continue;   // a TypedMail sender uses the settings; it does not complete them
            }

            flow.knownAtEscape ??= new HashSet<string>(flow.values.Keys, System.StringComparer.Ordinal);
        }

        return flow;
    }

    private static bool IsGivenToTypedMail(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        var method = parent is IArgumentOperation argument
            ? argument.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            }
            : null;
        return method?.ContainingType is { ContainingNamespace: { Name: "TypedMail", ContainingNamespace.IsGlobalNamespace: true } };
    }

    /// <summary>The local the new object is stored in (<c>var s = new ...</c> or <c>s = new ...</c>), if any.</summary>
    private static ILocalSymbol? StoredIn(IObjectCreationOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
    }
}
