using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Definitions;

/// <summary>
/// Whether a type can be formatted through a public <c>ToString(string, IFormatProvider)</c> of its own (or of a base),
/// rather than only through the <c>IFormattable</c> interface: one rule for placeholders and template paths.
/// </summary>
internal static class FormatMethods
{
    public static bool HasPublicFormatToString(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetMembers("ToString").OfType<IMethodSymbol>().Any(m =>
                    m.DeclaredAccessibility == Accessibility.Public
                    && !m.IsStatic
                    && m.Parameters.Length == 2
                    && m.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && m.Parameters[1].Type.Name == "IFormatProvider"
                    && !m.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute")))
            {
                return true;
            }
        }

        return false;
    }
}
