using System.Reflection;
using DockerApi.Tests;
using V12 = DockerApi.V1_2;
using V141 = DockerApi.V1_41;

namespace DockerApi.Client.Tests;

/// <summary>
/// What a caller passes cannot change the request: header values with line breaks are refused before anything is
/// sent (request smuggling), path segments <c>.</c> and <c>..</c> are refused in every path-parameter position, and
/// secrets never show in <c>ToString()</c>.
/// </summary>
public sealed class HostileInputTests
{
    private static Func<RawRequest, RawConnection, Task> Ok => (_, c) => c.WriteAsync(Http.Response(200, "OK", "{}", "application/json"));

    [Theory]
    [InlineData("x\r\nContent-Length: 0\r\n\r\nDELETE /v1.41/containers/victim?force=1 HTTP/1.1\r\nHost: docker\r\n\r\n")]
    [InlineData("x\nX-Injected: 1")]
    [InlineData("x\rX-Injected: 1")]
    [InlineData("x\0y")]
    public async Task A_header_parameter_with_CR_LF_or_NUL_is_refused_before_anything_is_sent(string auth)
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, Ok);
        using var docker = new V141.DockerClient(server.Endpoint);

        var pull = docker.Images.CreateAsync(fromImage: "busybox", xRegistryAuth: auth);
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => { await foreach (var _ in pull) { } });

        Assert.Equal("xRegistryAuth", error.ParamName);
        Assert.DoesNotContain("victim", error.Message, StringComparison.Ordinal); // the value (a credential) is not quoted
        Assert.Empty(seen);
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task A_clean_header_parameter_reaches_the_daemon_as_given()
    {
        var seen = new List<RawRequest>();
        await using var server = RawServer.Recording(seen, (_, c) => c.WriteAsync(Http.Response(200, "OK", "{\"status\":\"done\"}", "application/json")));
        using var docker = new V141.DockerClient(server.Endpoint);

        await foreach (var _ in docker.Images.CreateAsync(fromImage: "busybox", xRegistryAuth: Requests.RegistryAuth.Anonymous)) { }

        Assert.Equal(Requests.RegistryAuth.Anonymous, Assert.Single(seen).Header("X-Registry-Auth"));
    }

    [Fact]
    public async Task A_content_type_parameter_with_a_line_break_is_refused()
    {
        await using var server = RawServer.Recording([], Ok);
        using var docker = new V141.DockerClient(server.Endpoint);

        var build = docker.Images.BuildAsync(new MemoryStream([1]), contentType: "application/x-tar\r\nX-Injected: 1");
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => { await foreach (var _ in build) { } });

        Assert.Equal("contentType", error.ParamName);
        Assert.Equal(0, server.Accepted);
    }

    public static TheoryData<string, string> DotSegments() => new()
    {
        { "v1.2", "." }, { "v1.2", ".." }, { "v1.41", "." }, { "v1.41", ".." },
    };

    [Theory]
    [MemberData(nameof(DotSegments))]
    public async Task Every_string_path_parameter_of_every_operation_refuses_dot_segments(string version, string segment)
    {
        await using var server = RawServer.Recording([], Ok);
        using var client = version == "v1.2" ? (IDisposable)new V12.DockerClient(server.Endpoint) : new V141.DockerClient(server.Endpoint);

        var positions = 0;
        foreach (var (api, method, parameter) in PathParameters(client))
        {
            var arguments = method.GetParameters().Select(p => p == parameter ? segment : Placeholder(p)).ToArray();
            var error = Assert.Throws<TargetInvocationException>(() => method.Invoke(api, arguments)).InnerException;
            var refused = Assert.IsType<ArgumentException>(error);
            Assert.True(parameter.Name == refused.ParamName, $"{method.Name}: {refused.ParamName} refused instead of {parameter.Name}");
            positions++;
        }

        Assert.True(positions >= (version == "v1.2" ? 15 : 60), $"only {positions} path parameters found");
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public void Secrets_are_masked_in_ToString_whether_the_spec_marks_them_or_the_name_says_so()
    {
        var v12 = new V12.AuthConfig { Username = "ann", Password = "hunter2", Email = "a@b" }.ToString();
        var v141 = new V141.AuthConfig { Username = "ann", Password = "hunter2", Serveraddress = "r" }.ToString();
        var tokens = new V141.JoinTokens { Worker = "SWMTKN-1-worker", Manager = "SWMTKN-1-manager" }.ToString();
        var secret = new V141.SecretSpec { Name = "db", Data = "c2VjcmV0" }.ToString();

        foreach (var text in new[] { v12, v141 })
        {
            Assert.Contains("ann", text, StringComparison.Ordinal);
            Assert.Contains("Password = ***", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("SWMTKN", tokens, StringComparison.Ordinal);
        Assert.Contains("db", secret, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", secret, StringComparison.Ordinal);
        Assert.Contains("Password = null", new V141.AuthConfig { Username = "ann" }.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Each string path parameter of each method of each API the facade exposes.</summary>
    private static IEnumerable<(object Api, MethodInfo Method, ParameterInfo Parameter)> PathParameters(object facade)
    {
        foreach (var property in facade.GetType().GetProperties().Where(p => p.PropertyType.IsInterface && p.PropertyType.Name.EndsWith("Api", StringComparison.Ordinal)))
        {
            var api = property.GetValue(facade)!;
            foreach (var method in property.PropertyType.GetMethods())
            {
                var route = method.GetCustomAttributes().OfType<Refit.HttpMethodAttribute>().Single().Path;
                foreach (var parameter in method.GetParameters().Where(p => p.ParameterType == typeof(string) && route.Contains("{" + p.Name + "}", StringComparison.Ordinal)))
                    yield return (api, method, parameter);
            }
        }
    }

    /// <summary>A harmless value for every other parameter, so that the path parameter under test is what fails.</summary>
    private static object? Placeholder(ParameterInfo p)
    {
        var type = p.ParameterType;
        if (type == typeof(string))
            return "x";
        if (type == typeof(Stream))
            return new MemoryStream();
        if (type.IsValueType)
            return Activator.CreateInstance(type);
        if (type.IsInterface || type.IsAbstract)
            return null;
        return type.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(type);
    }
}
