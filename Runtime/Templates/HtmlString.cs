using System;

namespace TypedMail;

/// <summary>
/// HTML that a template writes as it is. Only a member of this type may be written with triple braces
/// (<c>{{{Signature}}}</c>); every other value is HTML-encoded, so writing raw HTML is a visible, typed choice.
/// </summary>
/// <remarks>Build one only from HTML you trust (your own markup, a sanitizer's output), never from user input.</remarks>
public sealed class HtmlString : IEquatable<HtmlString>
{
    /// <summary>Wraps trusted HTML.</summary>
    /// <param name="html">The HTML; <see langword="null"/> is the empty string.</param>
    public HtmlString(string? html) => Value = html ?? string.Empty;

    /// <summary>The HTML, as it will be written.</summary>
    public string Value { get; }

    /// <summary>The HTML, as it will be written.</summary>
    public override string ToString() => Value;

    /// <inheritdoc/>
    public bool Equals(HtmlString? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as HtmlString);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
