namespace TypedMail.Definitions;

/// <summary>The article before a type's name in a diagnostic: "an Address", "an IFormattable", "an int", "a Customer".</summary>
internal static class Articles
{
    // By the first letter, vowels but U: names starting with U (Uri, UInt32, User) are mostly read "you".
    public static string With(string name) => (name.Length > 0 && "AEIOaeio".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;
}
