using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.TemplateBinding;

/// <summary>How a template can use a value of a type.</summary>
internal enum ShapeKind
{
    /// <summary>A string: written as it is; <c>#if</c> tests non-empty.</summary>
    Text,
    /// <summary>A bool: written as <c>True</c>/<c>False</c>; <c>#if</c> tests it.</summary>
    Boolean,
    /// <summary>A type with a public <c>ToString(string, IFormatProvider)</c>: numbers, dates.</summary>
    Formattable,
    /// <summary>A type implementing <c>IFormattable</c> explicitly only.</summary>
    InterfaceFormattable,
    /// <summary>An enum.</summary>
    Enum,
    /// <summary><c>TypedMail.HtmlString</c>: the only type <c>{{{…}}}</c> writes.</summary>
    Html,
    /// <summary>An <c>IEnumerable&lt;T&gt;</c> (not a string): <c>#each</c> walks it, <c>#if</c> tests non-empty.</summary>
    Sequence,
    /// <summary>Anything else: its members are paths' next names; written with <c>ToString()</c>.</summary>
    Object,
}

/// <summary>A member a path can name: a readable property or field.</summary>
/// <param name="Name">The member name.</param>
/// <param name="TypeId">The <see cref="TypeShape.Id"/> of its type (<c>Nullable&lt;T&gt;</c> unwrapped).</param>
/// <param name="CanBeNull">A reference type or <c>Nullable&lt;T&gt;</c>: paths through it use <c>?.</c>.</param>
/// <param name="IsNullableValue">A <c>Nullable&lt;T&gt;</c>: <c>#if</c> tests that it has a value.</param>
internal sealed record MemberShape(string Name, string TypeId, bool CanBeNull, bool IsNullableValue);

/// <summary>What templates may do with one type: everything the binder needs, with no symbol.</summary>
/// <param name="Id">The type as C# (<c>global::Shop.Customer</c>): the key and the spelling in generated code.</param>
/// <param name="Kind">How a template uses its values.</param>
/// <param name="Members">Readable members a path may name next (for <see cref="ShapeKind.Object"/>).</param>
/// <param name="ElementId">The element type's id, for a sequence.</param>
/// <param name="ElementCanBeNull">Whether the elements are a reference type or <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="CountMember"><c>Count</c> or <c>Length</c> when the sequence knows its size, else <see langword="null"/>.</param>
internal sealed record TypeShape(string Id, ShapeKind Kind, EquatableArray<MemberShape> Members, string? ElementId, bool ElementCanBeNull, string? CountMember);

/// <summary>The shapes of the message class and of every type reachable from its members.</summary>
/// <param name="RootId">The message class's shape.</param>
/// <param name="Types">Every shape, by id.</param>
internal sealed record TypeCatalog(string RootId, EquatableArray<TypeShape> Types);
