namespace TypedMail.Definitions.Model;

/// <summary>A type that encloses the annotated class: its declaration keyword ("class", "record", "struct"…) and name.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>Where the annotated class lives and what the generated partial declaration must repeat.</summary>
/// <param name="Namespace">The namespace, or an empty string for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="Keyword">"class" or "record".</param>
/// <param name="Name">The class name.</param>
/// <param name="FullName">The C# name with <c>global::</c>, e.g. <c>global::Shop.Mail.DiscountOffer</c>.</param>
/// <param name="HintStem">A file-name-safe unique name, e.g. <c>Shop.Mail.Outer+DiscountOffer</c>.</param>
internal sealed record TypeIdentity(
    string Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Keyword,
    string Name,
    string FullName,
    string HintStem);
