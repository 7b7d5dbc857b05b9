# Sourced by measure.sh and compile-cost.sh: a repository's packages in a local feed, and a console project that
# consumes them as a user does.

# pack_packages SOURCE-ROOT FEED VERSION — the generator (with YamlDotNet bundled), the runtime, and (where the tree
# has it) the precompiled high-level DockerApi.
pack_packages() {
  dotnet pack "$1/generator/DockerApi.Generator" -c Release -o "$2" -p:Version="$3" -v q -nologo >/dev/null
  dotnet pack "$1/runtime/DockerApi.Runtime" -c Release -o "$2" -p:Version="$3" -v q -nologo >/dev/null
  [ ! -d "$1/highlevel/DockerApi" ] || dotnet pack "$1/highlevel/DockerApi" -c Release -o "$2" -p:Version="$3" -v q -nologo >/dev/null
}

# make_consumer DIR FEED VERSION ITEM AOT [PROPERTIES] [PACKAGES] — ITEM the spec item (empty for none); AOT the value
# of IsAotCompatible (true: the trim/AOT analyzers run, as in a library or a PublishAot app; false: a plain console
# app); PROPERTIES more MSBuild properties, as XML; PACKAGES the package references instead of the generator's and
# the runtime's (the high-level DockerApi alone, which generates nothing in its consumer).
make_consumer() {
  mkdir -p "$1"
  local packages=${7:-}
  [ -n "$packages" ] || packages="<PackageReference Include=\"DockerApi.Generator\" Version=\"$3\" PrivateAssets=\"all\" /><PackageReference Include=\"DockerApi.Runtime\" Version=\"$3\" />"
  cat > "$1/$(basename "$1").csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsAotCompatible>$5</IsAotCompatible>
    ${6:-}
  </PropertyGroup>
  <ItemGroup>
    $packages
    $4
  </ItemGroup>
</Project>
XML
  echo 'Console.WriteLine("built");' > "$1/Program.cs"
  echo "<configuration><packageSources><add key=\"local\" value=\"$2\" /></packageSources></configuration>" > "$1/nuget.config"
  dotnet restore "$1" -v q -nologo >/dev/null
}

subset_item='<DockerApiVersion Include="latest" Tags="Containers;Images;System" />'
full_item='<DockerApiVersion Include="latest" />'
