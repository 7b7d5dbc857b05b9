using DockerApi.Generator.Tests.Infrastructure;

namespace DockerApi.Generator.Tests.Emitting;

/// <summary>
/// Secrets never reach <c>ToString()</c>: masked where the spec marks them (<c>x-docker-sensitive</c>) and, for
/// Docker's own files that mark nothing, where the name says so.
/// </summary>
public sealed class SecretMaskingTests
{
    private const string Spec = """
        swagger: "2.0"
        info:
          title: "Test API"
          version: "1.2"
        paths:
          /things:
            post:
              operationId: "ThingCreate"
              tags: ["Thing"]
              parameters:
                - name: "body"
                  in: "body"
                  schema:
                    $ref: "#/definitions/Thing"
              responses:
                204:
                  description: "Done."
        definitions:
          Thing:
            type: "object"
            properties:
              Name:
                type: "string"
              password:
                type: "string"
              IdentityToken:
                type: "string"
              registrytoken:
                type: "string"
              auth:
                type: "string"
              UnlockKey:
                type: "string"
              Secret:
                type: "boolean"
                x-nullable: false
              Data:
                type: "string"
                x-docker-sensitive: true
        """;

    [Fact]
    public void Marked_and_secret_named_properties_print_as_stars_and_the_rest_as_given()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/test.yaml", Spec));
        run.AssertClean();
        var thing = run.Load().GetType("DockerApi.V1_2.Thing", throwOnError: true)!;
        var value = Activator.CreateInstance(thing)!;
        foreach (var name in new[] { "Name", "Password", "IdentityToken", "Registrytoken", "Auth", "UnlockKey", "Data" })
            thing.GetProperty(name)!.SetValue(value, "value-of-" + name);
        thing.GetProperty("Secret")!.SetValue(value, true);

        var text = value.ToString()!;

        Assert.Contains("Name = value-of-Name", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split("value-of-").Length - 1);
        foreach (var name in new[] { "Password", "IdentityToken", "Registrytoken", "Auth", "UnlockKey", "Secret", "Data" })
            Assert.Contains($"{name} = ***", text, StringComparison.Ordinal);
    }
}
