#!/usr/bin/env bash
# Build cost of TypedMail's generator and analyzers in a real `dotnet build`: a project with N message classes
# (default 1000) is compiled with and without them; Csc's own time (MSBuild's performance summary) is printed with
# the overhead per definition, then the analyzer and generator times of one more build with -p:ReportAnalyzer=true
# (kept out of the timed runs: reporting makes the analyzers run one at a time, which slows Csc itself).
#   benchmarks/build-cost/measure.sh [N] [runs]
# SHARED=1 measures with the compiler server (VBCSCompiler), as a plain `dotnet build` on a developer machine does:
# two untimed builds start and warm it, the timed builds find it warm. Without it the builds run Csc as a new process
# each time (UseSharedCompilation=false, as CI machines and this repository's sandbox are often set up).
# VARIANTS=1 instead times what compiling the generated code costs: the user classes alone, with the generated files
# added as plain source (no generator, no analyzers), and the same without the [GeneratedCode] attributes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-1000}
runs=${2:-3}
shared=false
if [ -n "${SHARED:-}" ]; then shared=true; fi
work=$(mktemp -d)
cleanup() {
  if [ "$shared" = true ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "logs kept in $work"; fi
}
trap cleanup EXIT

make_project() { # $1 = folder, $2 = true to attach the generator and analyzers
  mkdir -p "$1"
  local analyzers=""
  if [ "$2" = true ]; then
    analyzers="
    <ProjectReference Include=\"$repo/Generator/TypedMail.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <ProjectReference Include=\"$repo/Analyzers/TypedMail.Analyzers/TypedMail.Analyzers.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />"
  fi
  cat > "$1/Definitions.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);TM0008</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/Runtime/TypedMail.csproj" />$analyzers
  </ItemGroup>
</Project>
XML
  # Keep the repository's Directory.*.props out of the measured project.
  echo '<Project />' > "$1/Directory.Build.props"
  echo '<Project />' > "$1/Directory.Packages.props"
  for ((i = 0; i < count; i++)); do
    cat > "$1/OrderShipped$i.cs" <<CS
using TypedMail;

namespace Shop.Mail$i;

[MailMessage(From = "orders@shop.example", Subject = "Order {{OrderNumber}} shipped")]
[TextBody("Dear {{Name}},\nyour order {{OrderNumber}} left on {{Shipped:yyyy-MM-dd}}.")]
public partial class OrderShipped
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    public int OrderNumber { get; init; }
    public System.DateTime Shipped { get; init; }
}
CS
  done
}

csc_ms() { # the Csc task's total from MSBuild's performance summary
  grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$1" | awk '{print $1}' | head -1
}

measure() { # $1 = folder; prints the Csc milliseconds of each run, best first
  dotnet build "$1" -c Release -nologo -v:q -p:UseSharedCompilation=$shared >/dev/null
  if [ "$shared" = true ]; then # one more untimed build: the server's first compilations also JIT the compiler
    touch "$1/OrderShipped0.cs"
    dotnet build "$1" -c Release -nologo --no-restore -p:BuildProjectReferences=false -p:UseSharedCompilation=true -v:q >/dev/null
  fi
  for ((r = 0; r < runs; r++)); do
    touch "$1/OrderShipped0.cs"
    dotnet build "$1" -c Release -nologo --no-restore -p:BuildProjectReferences=false -p:UseSharedCompilation=$shared \
      -v:n -clp:PerformanceSummary > "$1/build$r.log"
    if [ "$shared" = true ] && ! grep -q 'CompilerServer: server' "$1/build$r.log"; then
      echo "warning: the compiler server did not compile run $r of $1" >&2
    fi
    csc_ms "$1/build$r.log"
  done | sort -n
}

if [ -n "${VARIANTS:-}" ]; then
  make_project "$work/with" true
  dotnet build "$work/with" -c Release -nologo -v:q -p:UseSharedCompilation=$shared \
    -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/generated" >/dev/null
  names="user-classes-only generated-as-source generated-without-GeneratedCode-attributes"
  for name in $names; do
    make_project "$work/$name" false
    if [ "$name" != user-classes-only ]; then
      mkdir "$work/$name/Generated"
      find "$work/generated" -name '*.TypedMail.g.cs' | while read -r file; do
        if [ "$name" = generated-as-source ]; then cp "$file" "$work/$name/Generated/"
        else sed -E '/^[[:space:]]*\[global::System\.CodeDom\.Compiler\.GeneratedCode\(/d' "$file" > "$work/$name/Generated/$(basename "$file")"; fi
      done
    fi
    dotnet build "$work/$name" -c Release -nologo -v:q -p:UseSharedCompilation=$shared >/dev/null
  done
  echo "definitions: $count, runs: $runs (interleaved), compiler server: $shared, machine: $(nproc) cores, $(dotnet --version)"
  for ((r = 0; r < runs; r++)); do
    for name in $names; do
      touch "$work/$name/OrderShipped0.cs"
      dotnet build "$work/$name" -c Release -nologo --no-restore -p:BuildProjectReferences=false -p:UseSharedCompilation=$shared \
        -v:n -clp:PerformanceSummary > "$work/$name/build$r.log"
      echo "$name $(csc_ms "$work/$name/build$r.log")"
    done
  done | sort -k1,1 -k2,2n \
    | awk '$1 != last { if (NR > 1) print ""; printf "Csc, %s (ms, best first):", $1; last = $1 } { printf " %s", $2 } END { print "" }'
  exit 0
fi

make_project "$work/without" false
make_project "$work/with" true
echo "definitions: $count, runs: $runs, compiler server: $shared, machine: $(nproc) cores, $(dotnet --version)"
without=$(measure "$work/without")
with=$(measure "$work/with")
best_without=$(echo "$without" | head -1)
best_with=$(echo "$with" | head -1)
echo "Csc without TypedMail's generator and analyzers (ms, best first): $(echo $without)"
echo "Csc with them (ms, best first): $(echo $with)"
awk -v a="$best_with" -v b="$best_without" -v n="$count" \
  'BEGIN { printf "overhead: %d ms, %.2f ms per definition (best runs)\n", a - b, (a - b) / n }'
log="$work/with/report.log"
touch "$work/with/OrderShipped0.cs"
dotnet build "$work/with" -c Release -nologo --no-restore -p:BuildProjectReferences=false -p:ReportAnalyzer=true -p:UseSharedCompilation=$shared \
  -v:d -clp:PerformanceSummary > "$log"
echo "analyzer and generator times of one more build with them, -p:ReportAnalyzer=true (Csc $(csc_ms "$log") ms):"
grep -E 'Total (analyzer|generator) execution time|^ +[0-9.]+ +[<0-9]+ +TypedMail\.(Generator|Analyzers), Version' "$log" \
  | sed 's/^ */  /' | head -12
analyzers_s=$(grep -E '^ +[0-9.]+ +[<0-9]+ +TypedMail\.Analyzers, Version' "$log" | awk '{print $1}' | head -1)
awk -v a="$analyzers_s" -v c="$(csc_ms "$log")" 'BEGIN { printf "TypedMail analyzers: %.1f%% of that build'"'"'s Csc\n", 100 * a * 1000 / c }'
