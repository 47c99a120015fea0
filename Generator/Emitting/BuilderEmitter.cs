using System.Collections.Generic;
using System.Linq;
using TypedMail.Generator.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>
/// Writes the staged builder: one step interface per mandatory member (the <c>required</c> ones, then a recipient when
/// no constant recipient exists), each exposing only that member's method, and a last step with the optional members
/// and <c>Build()</c>. Skipping a mandatory member leaves <c>Build()</c> out of reach: a compile error (CS1061).
/// </summary>
internal static class BuilderEmitter
{
    public static void Write(SourceWriter w, MessageSpec spec)
    {
        var name = spec.Type.Name;
        var mandatory = Mandatory(spec);
        var optional = spec.Members.Where(m => m.Writable && !mandatory.Contains(m)).ToList();
        var stepNames = mandatory.Select(m => $"Builder.I{m.Name}Step").Concat(new[] { "Builder.IBuildStep" }).ToList();

        // A public builder cannot expose an internal member or type (CS0051): then the builder is internal.
        var access = mandatory.Concat(optional).All(m => m.IsPublic) ? "public" : "internal";

        w.Line("/// <summary>")
         .Line($"/// Starts a <see cref=\"{name}\"/>: a staged builder. Each mandatory member is set in turn")
         .Line(mandatory.Count == 0
             ? "/// (this class has none), then optional members, then <c>Build()</c>."
             : $"/// ({string.Join(", ", mandatory.Select(m => $"<c>{m.Name}</c>"))}), then optional members, then <c>Build()</c>.")
         .Line("/// Forgetting a mandatory member (a <c>required</c> one, or the recipient when the class has no constant")
         .Line("/// recipient) is a compile error: <c>Build()</c> exists only on the last step.")
         .Line("/// </summary>")
         .Line(CSharp.GeneratedCode)
         .Line($"{access} static {New(spec)}{stepNames[0]} Create() => new TypedMailState();")
         .Line();

        w.Line($"/// <summary>The steps of <see cref=\"{name}\"/>'s staged builder, in the order they are taken.</summary>")
         .Line(CSharp.GeneratedCode)
         .Open($"{access} static {New(spec)}class Builder");
        for (var i = 0; i < mandatory.Count; i++)
        {
            var member = mandatory[i];
            w.Line($"/// <summary>The step that sets <c>{member.Name}</c>.</summary>")
             .Open($"public interface I{member.Name}Step")
             .Line($"/// <summary>Sets <c>{member.Name}</c>.</summary>")
             .Line($"{stepNames[i + 1].Substring("Builder.".Length)} {member.Name}({member.TypeName} value);")
             .Close()
             .Line();
        }

        w.Line("/// <summary>The last step: optional members, then <c>Build()</c>.</summary>")
         .Open("public interface IBuildStep");
        foreach (var member in optional)
        {
            w.Line($"/// <summary>Sets <c>{member.Name}</c> (optional).</summary>")
             .Line($"IBuildStep {member.Name}({member.TypeName} value);")
             .Line();
        }

        w.Line($"/// <summary>The message.</summary>")
         .Line($"{spec.Type.FullName} Build();")
         .Close()
         .Close()
         .Line();

        WriteState(w, spec, mandatory, optional, stepNames);
        WriteConstructors(w, spec, mandatory, optional);
    }

    internal static string New(MessageSpec spec) => spec.HidesBaseMessage ? "new " : string.Empty;

    /// <summary>The members the builder demands, in the order it demands them.</summary>
    internal static List<MemberSpec> Mandatory(MessageSpec spec)
    {
        var mandatory = spec.Members.Where(m => m.Writable && m.IsRequired).ToList();
        var constants = spec.Constants;
        var hasRecipient = !string.IsNullOrWhiteSpace(constants.To) || !string.IsNullOrWhiteSpace(constants.Cc) || !string.IsNullOrWhiteSpace(constants.Bcc)
            || mandatory.Any(IsRecipient);
        var recipient = hasRecipient ? null : spec.Members.FirstOrDefault(m => m.Writable && IsRecipient(m));
        if (recipient is not null)
        {
            mandatory.Add(recipient);
        }

        return mandatory;
    }

    private static bool IsRecipient(MemberSpec member) => member.Role is MemberRole.To or MemberRole.Cc or MemberRole.Bcc;

    private static void WriteState(SourceWriter w, MessageSpec spec, List<MemberSpec> mandatory, List<MemberSpec> optional, List<string> stepNames)
    {
        w.Line(CSharp.GeneratedCode)
         .Open($"private sealed class TypedMailState : {string.Join(", ", stepNames)}");
        foreach (var member in mandatory)
        {
            w.Line($"internal {member.TypeName} {member.Name} = default!;");
        }

        foreach (var member in optional)
        {
            w.Line($"internal {member.TypeName} {member.Name} = default!;")
             .Line($"internal bool {member.Name}IsSet;");
        }

        for (var i = 0; i < mandatory.Count; i++)
        {
            var member = mandatory[i];
            w.Line()
             .Open($"{stepNames[i + 1]} {stepNames[i]}.{member.Name}({member.TypeName} value)")
             .Line($"{member.Name} = value;")
             .Line("return this;")
             .Close();
        }

        foreach (var member in optional)
        {
            w.Line()
             .Open($"Builder.IBuildStep Builder.IBuildStep.{member.Name}({member.TypeName} value)")
             .Line($"{member.Name} = value;")
             .Line($"{member.Name}IsSet = true;")
             .Line("return this;")
             .Close();
        }

        w.Line()
         .Line($"{spec.Type.FullName} Builder.IBuildStep.Build() => new {spec.Type.FullName}(this);")
         .Close()
         .Line();
    }

    private static void WriteConstructors(SourceWriter w, MessageSpec spec, List<MemberSpec> mandatory, List<MemberSpec> optional)
    {
        if (!spec.HasParameterlessConstructor)
        {
            // Declaring the builder's constructor removes the implicit one; this keeps 'new X { ... }' working.
            w.Line($"/// <summary>Creates an empty <see cref=\"{spec.Type.Name}\"/> (the constructor the compiler would otherwise declare).</summary>")
             .Line(CSharp.GeneratedCode)
             .Line($"public {spec.Type.Name}()")
             .Line("{")
             .Line("}")
             .Line();
        }

        // A constructor may call init accessors and keeps the initializers of members the builder did not set.
        w.Line(CSharp.GeneratedCode);
        if (spec.Members.Any(m => m.IsRequired))
        {
            w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        }

        w.Open($"private {spec.Type.Name}(TypedMailState state) : this()");
        foreach (var member in mandatory)
        {
            w.Line($"this.{member.Name} = state.{member.Name};");
        }

        foreach (var member in optional)
        {
            w.Open($"if (state.{member.Name}IsSet)")
             .Line($"this.{member.Name} = state.{member.Name};")
             .Close();
        }

        w.Close().Line();
    }
}
