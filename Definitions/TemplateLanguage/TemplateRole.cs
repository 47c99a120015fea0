namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>What a template is for: it decides where <c>{{> body}}</c> may appear.</summary>
internal enum TemplateRole
{
    /// <summary>A body, subject or header template: no <c>{{> body}}</c>.</summary>
    Body,
    /// <summary>A layout: exactly one <c>{{> body}}</c>, outside any section.</summary>
    Layout,
    /// <summary>A partial file: no <c>{{> body}}</c>.</summary>
    Partial,
}
