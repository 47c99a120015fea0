using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

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

        var order = mandatory.Count == 0 ? "(none mandatory)" : string.Join(", ", mandatory.Select(m => $"<c>{m.Name}</c>"));
        w.Line($"/// <summary>Starts <see cref=\"{name}\"/>'s staged builder: {order} in turn, then optional members, then <c>Build()</c> (only the last step has it: a missing mandatory member does not compile).</summary>")
         .Line(CSharp.GeneratedCode)
         .Line($"{access} static {New(spec)}{stepNames[0]} Create() => new TypedMailState();")
         .Line();

        // One line per step (a delimited doc comment fits before the member): the builder is most of the generated code.
        w.Line($"/// <summary>The steps of <see cref=\"{name}\"/>'s staged builder, in the order they are taken.</summary>")
         .Line(CSharp.GeneratedCode)
         .Open($"{access} static {New(spec)}class Builder");
        for (var i = 0; i < mandatory.Count; i++)
        {
            var member = mandatory[i];
            w.Line($"/// <summary>The step that sets <c>{member.Name}</c>.</summary>")
             .Line($"public interface I{member.Name}Step {{ /** <summary>Sets <c>{member.Name}</c>.</summary> */ {stepNames[i + 1].Substring("Builder.".Length)} {CSharp.Id(member.Name)}({StepType(spec, member)} value); }}");
        }

        w.Line("/// <summary>The last step: optional members, then <c>Build()</c>.</summary>");
        var build = $"/** <summary>The message.</summary> */ {spec.Type.FullName} Build();";
        if (optional.Count == 0)
        {
            w.Line($"public interface IBuildStep {{ {build} }}");
        }
        else
        {
            w.Open("public interface IBuildStep");
            foreach (var member in optional)
            {
                w.Line($"/** <summary>Sets <c>{member.Name}</c> (optional).</summary> */ IBuildStep {CSharp.Id(member.Name)}({member.TypeName} value);");
            }

            w.Line(build).Close();
        }

        w.Close().Line();

        var initializer = BuildsWithInitializer(spec, mandatory, optional);
        WriteState(w, spec, mandatory, optional, stepNames, initializer);
        if (!initializer)
        {
            WriteConstructors(w, spec, mandatory, optional);
        }
    }

    /// <summary>
    /// Whether <c>Build()</c> can be one object initializer, which costs the compiler two method bodies less than a
    /// constructor: the class declares no constructor, the builder sets every required member, and every optional member
    /// is plain storage of the class itself (storing <c>default</c> in one that was not given changes nothing). Else a
    /// private constructor stores only the members given, keeping initializers and what constructors set.
    /// </summary>
    private static bool BuildsWithInitializer(MessageSpec spec, List<MemberSpec> mandatory, List<MemberSpec> optional) =>
        !spec.HasParameterlessConstructor
        && spec.Members.Where(m => m.IsRequired).All(mandatory.Contains)
        && optional.All(m => m.PlainStorage && !m.Inherited);

    // Under the reserved TypedMail prefix: no member of the class (hence no value field of the state) can share a flag's name.
    private static string IsSet(MemberSpec member) => "TypedMailIsSet_" + member.Name;

    /// <summary>
    /// The type a mandatory step takes: a recipient the builder demands although it is not <c>required</c> takes a
    /// non-nullable value (demanding it and accepting null would say two things).
    /// </summary>
    private static string StepType(MessageSpec spec, MemberSpec member) => member.IsRequired ? member.TypeName : member.NonNullableTypeName;

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

    private static void WriteState(SourceWriter w, MessageSpec spec, List<MemberSpec> mandatory, List<MemberSpec> optional, List<string> stepNames, bool initializer)
    {
        w.Line(CSharp.GeneratedCode)
         .Open($"private sealed class TypedMailState : {string.Join(", ", stepNames)}");
        foreach (var member in mandatory)
        {
            w.Line($"internal {member.TypeName} {CSharp.Id(member.Name)} = default!;");
        }

        foreach (var member in optional)
        {
            w.Line($"internal {member.TypeName} {CSharp.Id(member.Name)} = default!;" + (initializer ? string.Empty : $" internal bool {IsSet(member)};"));
        }

        for (var i = 0; i < mandatory.Count; i++)
        {
            var member = mandatory[i];
            w.Line($"{stepNames[i + 1]} {stepNames[i]}.{CSharp.Id(member.Name)}({StepType(spec, member)} value) {{ {CSharp.Id(member.Name)} = value; return this; }}");
        }

        foreach (var member in optional)
        {
            var flag = initializer ? string.Empty : $"{IsSet(member)} = true; ";
            w.Line($"Builder.IBuildStep Builder.IBuildStep.{CSharp.Id(member.Name)}({member.TypeName} value) {{ {CSharp.Id(member.Name)} = value; {flag}return this; }}");
        }

        var build = initializer
            ? $"new {spec.Type.FullName} {{ {string.Join(", ", mandatory.Concat(optional).Select(m => $"{CSharp.Id(m.Name)} = {CSharp.Id(m.Name)}"))} }}"
            : $"new {spec.Type.FullName}(this)";
        w.Line($"{spec.Type.FullName} Builder.IBuildStep.Build() => {build};")
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
             .Line($"public {CSharp.Id(spec.Type.Name)}() {{ }}")
             .Line();
        }

        // A constructor may call init accessors and keeps the initializers of members the builder did not set.
        w.Line(CSharp.GeneratedCode);
        if (spec.Members.Any(m => m.IsRequired))
        {
            w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        }

        w.Open($"private {CSharp.Id(spec.Type.Name)}(TypedMailState state) : this()");
        foreach (var member in mandatory)
        {
            w.Line($"this.{CSharp.Id(member.Name)} = state.{CSharp.Id(member.Name)};");
        }

        for (var i = 0; i < optional.Count; i++)
        {
            var name = CSharp.Id(optional[i].Name);
            w.Line($"if (state.{IsSet(optional[i])}) {{ this.{name} = state.{name}; }}");
        }

        w.Close().Line();
    }
}
