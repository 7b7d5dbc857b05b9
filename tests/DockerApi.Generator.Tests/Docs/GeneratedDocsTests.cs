using System.Text.RegularExpressions;
using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerApi.Generator.Tests.Docs;

/// <summary>
/// Every shipped client (the 2013 ones we wrote, and 1.25 – the newest) is documented: no member's docs are one of the generator's
/// stand-ins for a missing text, and no doc element is empty. The texts are written for the newest version and reach
/// older ones where the thing is the same, or through <c>like</c>, <c>shapes</c> and <c>or</c> where an older version
/// names it otherwise; a new version's import that leaves a gap fails here.
/// </summary>
public sealed partial class GeneratedDocsTests
{
    /// <summary>Every version of spec/ (our 2013 ones and Docker's), from the compile tests' list of every shipped file.</summary>
    public static TheoryData<string> ShippedVersions() =>
        [.. ((IEnumerable<object[]>)Emitting.CompileTests.Shipped()).Select(row => (string)row[0])];

    [Theory]
    [MemberData(nameof(ShippedVersions))]
    public void Every_member_of_every_shipped_client_has_a_text_of_its_own(string version)
    {
        var run = GeneratorHarness.Run(SpecFile.Repository(version));
        var gaps = run.Output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>()).SelectMany(Gaps).ToList();

        Assert.True(run.Sources.Count() > 10, "the generator emitted nothing to check");
        Assert.True(gaps.Count == 0, $"{gaps.Count} members of {version} lack a text of their own:\n" + string.Join("\n", gaps.Take(60)));
    }

    [Fact]
    public void The_check_finds_each_stand_in_form()
    {
        const string spec = """
            swagger: "2.0"
            info: { title: T, version: "1.99" }
            basePath: /v1.99
            paths:
              /things/{id}:
                get:
                  operationId: ThingInspect
                  parameters:
                    - { name: id, in: path, required: true, type: string }
                  responses:
                    "200": { description: "", schema: { $ref: "#/definitions/Thing" } }
            definitions:
              Thing:
                type: object
                properties:
                  Name: { type: string }
                  Inner: { type: object, description: "Its inner part.", properties: { A: { type: string, description: "A letter." } } }
            """;
        var run = GeneratorHarness.Run(new SpecFile("/repo/spec/docker-v1.99.yaml", spec));
        var gaps = run.Output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>()).SelectMany(Gaps).ToList();

        Assert.Contains(gaps, g => g.Contains("ThingInspect: <c>GET /things/{id}</c>.", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("The <c>id</c> parameter.", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("The <c>Name</c> value.", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.EndsWith("Thing: its own name", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.StartsWith("ThingInner: a type whose text", StringComparison.Ordinal));
    }

    /// <summary>Each doc element of a member that is a stand-in or empty, as <c>Member: text</c>.</summary>
    private static IEnumerable<string> Gaps(SyntaxNode member)
    {
        var doc = member.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().FirstOrDefault();
        var name = Name(member);
        if (doc is null || name is null)
            yield break;
        foreach (var element in doc.Content.OfType<XmlElementSyntax>())
        {
            var inner = string.Concat(element.Content.Select(c => c.ToString())).Replace("///", " ");
            if (Gap(name, member is BaseTypeDeclarationSyntax, element.StartTag.Name.ToString(), inner) is { } gap)
                yield return $"{name}: {gap}";
        }
    }

    /// <summary>
    /// Why a doc element is no text of its own — empty, the member's own name, a stand-in, a type's text that names no
    /// owner — or null when it is one. <paramref name="innerXml"/> is the element's content; whitespace is folded here.
    /// </summary>
    internal static string? Gap(string name, bool isType, string tag, string innerXml)
    {
        var text = Regex.Replace(innerXml, @"\s+", " ").Trim();
        if (text.Length == 0)
            return $"an empty <{tag}>";
        if (text == name && tag == "summary")
            return "its own name";
        if (isType && tag == "summary" && text.StartsWith("Its ", StringComparison.Ordinal))
            return $"a type whose text, a property's, names no owner: {text}"; // an inline type takes its property's text
        return StandIn().IsMatch(text) ? text : null;
    }

    private static string? Name(SyntaxNode member) => member switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.Text,
        DelegateDeclarationSyntax d => d.Identifier.Text,
        MethodDeclarationSyntax method => method.Identifier.Text,
        PropertyDeclarationSyntax property => property.Identifier.Text,
        EnumMemberDeclarationSyntax value => value.Identifier.Text,
        _ => null,
    };

    // The generator's stand-ins: a parameter's and a property's name, an operation's route, an enum value on its own.
    [GeneratedRegex(@"^The <c>[^<]+</c> (parameter|value)\.$|^\w+: <c>[A-Z]+ /[^<]*</c>\.$|^The value -?\d+\.$|^<c>[^<]*</c>$")]
    private static partial Regex StandIn();
}
