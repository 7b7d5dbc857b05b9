using DockerApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>
/// Spec text never becomes code: every C# line terminator (CR, LF, U+0085, U+2028, U+2029) in a summary, a
/// description, a title or a tag stays inside the comment or literal it was written into.
/// </summary>
public sealed class HostileTextTests
{
    public static TheoryData<string> Terminators() => new() { "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029" };

    private static string Spec(string t) => """
        swagger: "2.0"
        info:
          title: "Test§T§static class InjectedTitle { }"
          version: "1.2"
          description: "Info.§T§static class InjectedInfo { }"
        tags:
          - name: "Thing"
            description: "Things.§T§static class InjectedTag { }"
        paths:
          /things/{id}:
            get:
              summary: "Gets x.§T§static int Injected() { return 42; } //"
              operationId: "ThingInspect"
              tags: ["Thing"]
              parameters:
                - name: "id"
                  in: "path"
                  required: true
                  type: "string"
                  description: "The id.§T§int InjectedParameter;"
                - name: "filter"
                  in: "query"
                  type: "string"
                  default: "a§T§b\""
              responses:
                200:
                  description: "The thing.§T§class InjectedResponse { }"
                  schema:
                    $ref: "#/definitions/Thing"
        definitions:
          Thing:
            type: "object"
            title: "A thing§T§class InjectedDefinition { }"
            properties:
              Name:
                type: "string"
                description: "Its name.§T§public int InjectedProperty;"
                default: "n§T§public int InjectedDefault; </value>"
              Size:
                type: "integer"
                minimum: "0§T§public int InjectedMinimum;"
              Kind:
                type: "string"
                enum: ["a§T§b", "c"]
                description: "Kind.§T§class InjectedEnum { }"
                x-docker-enum-descriptions:
                  c: "The c.§T§public static int InjectedEnumValue; </summary>"
        """.Replace("§T§", Escape(t), StringComparison.Ordinal);

    // YAML double-quoted escapes, so that the spec file itself stays one line per key.
    private static string Escape(string t) => t.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\u0085", "\\N").Replace("\u2028", "\\L").Replace("\u2029", "\\P");

    [Theory]
    [MemberData(nameof(Terminators))]
    public void A_line_terminator_in_any_text_keeps_the_rest_of_the_text_out_of_the_code(string terminator)
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec(terminator)));

        run.AssertClean();
        var names = run.Output.GetSymbolsWithName(n => n.StartsWith("Injected", StringComparison.Ordinal), SymbolFilter.All).Select(s => s.Name);
        Assert.Empty(names);
        foreach (var source in run.Sources)
        {
            var text = source.SourceText.ToString();
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            foreach (var c in new[] { '\u0085', '\u2028', '\u2029' })
                Assert.DoesNotContain(c, text);
        }
    }
}
