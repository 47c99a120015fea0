using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>
/// What reading a definition gives: the model the generator emits from and every problem found. When the class
/// cannot be generated (<see cref="CanGenerate"/> false), a <see cref="ProblemKind.CannotGenerate"/> or
/// <see cref="ProblemKind.NotPartial"/> problem says why; the model, if any, still serves the other checks.
/// </summary>
internal sealed record Reading<T>(T? Model, EquatableArray<Problem> Problems)
    where T : class
{
    public bool CanGenerate => Model is not null && !Problems.Any(p => p.Kind is ProblemKind.CannotGenerate or ProblemKind.NotPartial);

    public static Reading<T> Of(T? model, IEnumerable<Problem> problems) => new(model, EquatableArray.From(problems));
}
