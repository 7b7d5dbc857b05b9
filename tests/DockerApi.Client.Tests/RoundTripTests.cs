using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DockerApi.Serialization;
using V10 = DockerApi.V1_0;
using V141 = DockerApi.V1_41;

namespace DockerApi.Client.Tests;

/// <summary>What the daemon sends comes back unchanged when a DTO is read and written: times, nulls, unknown members.</summary>
public sealed class RoundTripTests
{
    /// <summary>An inspect answer of the real docker 0.4.4 daemon: Go's nulls, a time in +02:00 with nanoseconds, a key the 1.0 spec lacks.</summary>
    private const string Inspect2013 = """
        {"ID":"4fa6e0f0c6786287e131c3852c58a2e01cc697a68231826813597e4994f1d6e2","Created":"2013-05-07T14:51:42.041847123+02:00",
         "Path":"date","Args":[],"Config":{"Hostname":"4fa6e0f0c678","User":"","Memory":0,"MemorySwap":0,"AttachStdin":false,"AttachStdout":true,
         "AttachStderr":true,"PortSpecs":null,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["date"],"Dns":null,"Image":"base","Volumes":{},
         "VolumesFrom":""},
         "State":{"Running":false,"Pid":0,"ExitCode":3,"StartedAt":"0001-01-01T00:00:00Z","Ghost":false},
         "Image":"b750fe79269d2ec9a3c593ef05b4332b1d1a02a62b4accb2c21d589ff2f5f2dc",
         "NetworkSettings":{"IPAddress":"172.16.42.2","IPPrefixLen":24,"Gateway":"172.16.42.1","Bridge":"docker0","PortMapping":null},
         "SysInitPath":"/usr/bin/docker","ResolvConfPath":"/etc/resolv.conf","Volumes":null,"HostnamePath":"/var/lib/docker/containers/4fa6/hostname"}
        """;

    /// <summary>A modern inspect answer (API 1.41): nine-digit times, nulls, and members of newer APIs at several depths.</summary>
    private const string Inspect141 = """
        {"Id":"8d0a5c0fe6a3c2b8e1d2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4","Created":"2026-11-27T06:42:53.180144986Z",
         "Path":"sh","Args":["-c","sleep 600"],
         "State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":4242,"ExitCode":0,"Error":"",
          "StartedAt":"2026-11-27T06:42:53.5Z","FinishedAt":"0001-01-01T00:00:00Z","Health":null,"FutureFlag":{"nested":[1,2.50,"x",null]}},
         "Image":"sha256:4a5b","ResolvConfPath":"/var/lib/docker/containers/8d0a/resolv.conf","Name":"/web","RestartCount":0,"Driver":"overlay2",
         "Platform":"linux","MountLabel":"","ProcessLabel":"","AppArmorProfile":"","ExecIDs":null,
         "HostConfig":{"Binds":null,"NetworkMode":"default","PortBindings":{},"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"CapAdd":null,
          "Dns":[],"Memory":0,"NanoCpus":0,"CgroupnsMode":"private","Annotations":{"org.example":"kept"}},
         "GraphDriver":{"Data":null,"Name":"overlay2"},
         "Mounts":[],"Config":{"Hostname":"8d0a5c0fe6a3","Domainname":"","User":"","AttachStdin":false,"Tty":false,"Env":["PATH=/usr/bin"],
          "Cmd":["sh","-c","sleep 600"],"Image":"test","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{}},
         "NetworkSettings":{"Bridge":"","SandboxID":"","Ports":{},"SandboxKey":"","Networks":{}},
         "ImageManifestDescriptor":{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1234}}
        """;

    [Fact]
    public void A_2013_inspect_body_round_trips()
    {
        var read = JsonSerializer.Deserialize(Inspect2013, V10.DockerJsonContext.Default.ContainerInspectResponse)!;
        AssertSameJson(Inspect2013, read, V10.DockerJsonContext.Default.ContainerInspectResponse);
        Assert.True(read.State!.StartedAt!.Value.IsZero);
        Assert.Equal("/var/lib/docker/containers/4fa6/hostname", read.ExtensionData!["HostnamePath"].GetString());
    }

    [Theory]
    [InlineData("""{"Running":true,"Pid":7,"ExitCode":3,"StartedAt":"2013-05-07T14:51:42Z","Ghost":true}""")] // the table's order
    [InlineData("""{"Ghost":true,"StartedAt":"2013-05-07T14:51:42Z","ExitCode":3,"Pid":7,"Running":true}""")] // reversed
    [InlineData("""{"Pid":7,"x":1,"Running":true,"ghost":true,"EXITCODE":3,"StartedAt":"2013-05-07T14:51:42Z"}""")] // mixed, other case, unknown
    public void Members_land_in_their_properties_in_any_order_and_case(string json)
    {
        // The lookup tries the name after the last one found first: any other order must find the same properties.
        var state = JsonSerializer.Deserialize(json, V10.DockerJsonContext.Default.ContainerState)!;
        Assert.Equal((true, 7, 3, "2013-05-07T14:51:42Z", true), (state.Running, state.Pid, state.ExitCode, state.StartedAt?.ToString(), state.Ghost));
    }

    [Fact]
    public void A_modern_inspect_body_round_trips_with_its_nanoseconds_nulls_and_newer_members()
    {
        var read = JsonSerializer.Deserialize(Inspect141, V141.DockerJsonContext.Default.ContainerInspectResponse)!;
        AssertSameJson(Inspect141, read, V141.DockerJsonContext.Default.ContainerInspectResponse);
        Assert.Equal("2026-11-27T06:42:53.180144986Z", read.Created);
        Assert.Equal(JsonValueKind.Null, read.State!.ExtensionData!["Health"].ValueKind); // sent as null, not absent
        Assert.Equal("kept", read.HostConfig!.ExtensionData!["Annotations"].GetProperty("org.example").GetString());
    }

    [Fact]
    public void A_changed_copy_keeps_what_it_did_not_change_and_writes_what_it_did()
    {
        var read = JsonSerializer.Deserialize(Inspect141, V141.DockerJsonContext.Default.ContainerInspectResponse)!;
        var changed = read with { Name = "/renamed", State = read.State! with { Health = null, Pid = null } };

        var written = JsonNode.Parse(JsonSerializer.Serialize(changed, V141.DockerJsonContext.Default.ContainerInspectResponse))!;

        Assert.Equal("/renamed", (string?)written["Name"]);
        Assert.False(written["State"]!.AsObject().ContainsKey("Pid")); // set to null by the caller: absent, as before
        Assert.Null(written["State"]!["Health"]); // still the null the daemon sent
        Assert.True(written["State"]!.AsObject().ContainsKey("Health"));
        Assert.Equal(2.50m, (decimal)written["State"]!["FutureFlag"]!["nested"]![1]!);
        Assert.Equal(1234, (int)written["ImageManifestDescriptor"]!["size"]!);
    }

    [Theory]
    [InlineData("2026-11-27T06:42:53.180144986Z")]
    [InlineData("2013-05-07T14:51:42.041847+02:00")]
    [InlineData("2013-05-07T14:51:42-07:30")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2026-01-01T00:00:00.1Z")]
    public void A_timestamp_writes_back_what_Go_wrote(string text)
    {
        var timestamp = DockerTimestamp.Parse(text);
        Assert.Equal(text, timestamp.ToString());
        var asDateTimeOffset = timestamp.ToDateTimeOffset();
        Assert.Equal((timestamp.UnixSeconds, timestamp.Nanoseconds / 100, timestamp.Offset),
            (asDateTimeOffset.ToUnixTimeSeconds(), (int)(asDateTimeOffset.UtcTicks % TimeSpan.TicksPerSecond), asDateTimeOffset.Offset));
    }

    [Theory]
    [InlineData("2026-11-27 06:42:53Z")]
    [InlineData("2026-11-27T06:42:53.Z")]
    [InlineData("2026-11-27T06:42:53.1234567890Z")]
    [InlineData("2026-11-27T06:42:53+2:00")]
    [InlineData("2026-13-27T06:42:53Z")]
    [InlineData("")]
    public void A_time_that_is_not_RFC_3339_is_refused(string text) => Assert.False(DockerTimestamp.TryParse(text, out _));

    [Fact]
    public void Timestamps_convert_both_ways_and_order_by_instant()
    {
        DockerTimestamp fromDto = new DateTimeOffset(2026, 11, 27, 6, 42, 53, TimeSpan.Zero);
        DateTimeOffset back = fromDto;
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 6, 42, 53, TimeSpan.Zero), back);
        Assert.True(DockerTimestamp.Parse("2026-11-27T08:42:53.000000001+02:00") > DockerTimestamp.Parse("2026-11-27T06:42:53Z"));
        Assert.NotEqual(DockerTimestamp.Parse("2026-11-27T08:42:53+02:00"), DockerTimestamp.Parse("2026-11-27T06:42:53Z")); // same instant, written differently
    }

    /// <summary>Writes <paramref name="value"/> and compares it with <paramref name="expected"/> member by member, keys in any order.</summary>
    [Fact]
    public void Unknown_members_keep_escapes_numbers_and_nesting_as_sent()
    {
        // Every kind of token a newer daemon may send in a member this version lacks, escaped names and strings included.
        const string body = """
            {"Running":true,"Pid":7,"Caf\u00e9":"a\"b\\c\u2028d","Numbers":[0,-1,2.50,1e3,12345678901234567890],
             "Deep":{"a":[{"b":null},[],{}],"t":true,"f":false},"Nil":null,"Empty":"","ExitCode":3,"L\u0061st":[[["x"]]]}
            """;
        var read = JsonSerializer.Deserialize(body, V10.DockerJsonContext.Default.ContainerState)!;
        AssertSameJson(body, read, V10.DockerJsonContext.Default.ContainerState);
        Assert.Equal("a\"b\\c\u2028d", read.ExtensionData!["Café"].GetString());
        Assert.Equal("2.50", read.ExtensionData["Numbers"][2].GetRawText());
        Assert.Equal(JsonValueKind.Null, read.ExtensionData["Deep"].GetProperty("a")[0].GetProperty("b").ValueKind);
        Assert.Equal("x", read.ExtensionData["Last"][0][0][0].GetString());
        Assert.Equal(3L, read.ExitCode);
        // A read-only dictionary of what was kept, in the order sent.
        Assert.Equal(["Café", "Numbers", "Deep", "Nil", "Empty", "Last"], read.ExtensionData.Keys);
        Assert.Equal(6, read.ExtensionData.Count);
        Assert.True(read.ExtensionData.TryGetValue("Nil", out var nil) && nil.ValueKind == JsonValueKind.Null);
        Assert.False(read.ExtensionData.ContainsKey("Running"));
        Assert.Throws<KeyNotFoundException>(() => read.ExtensionData["Absent"]);
    }

    [Fact]
    public void What_an_object_kept_is_its_own_when_first_asked_for_after_later_reads()
    {
        // The kept members are parsed when first asked for; the buffer they were copied through is reused by the next reads.
        var first = JsonSerializer.Deserialize("""{"Pid":1,"A":"first","B":[1]}""", V10.DockerJsonContext.Default.ContainerState)!;
        var list = JsonSerializer.Deserialize("""[{"Id":"2","A":"second","C":{}},{"Id":"3","A":"third"}]""", V10.DockerJsonContext.Default.ContainerSummaryList)!;

        Assert.Equal(("first", "[1]"), (first.ExtensionData!["A"].GetString(), first.ExtensionData["B"].GetRawText()));
        Assert.Equal(["second", "third"], list.Select(s => s.ExtensionData!["A"].GetString()));
        Assert.Equal(["A", "C"], list[0].ExtensionData!.Keys);
        Assert.Equal("""{"Pid":1,"A":"first","B":[1]}""", JsonSerializer.Serialize(first, V10.DockerJsonContext.Default.ContainerState));
    }

    [Fact]
    public void An_unknown_member_that_is_not_utf8_is_kept_with_the_replacement_character()
    {
        // The reader leaves UTF-8 to whoever reads a string; the copy writes what it cannot decode as U+FFFD, as STJ does.
        byte[] body = [.. "{\"Running\":true,\"X\":\"a"u8, 0xFF, .. "\"}"u8];
        var read = JsonSerializer.Deserialize(body, V10.DockerJsonContext.Default.ContainerState)!;
        Assert.True(read.Running);
        Assert.Equal("a\uFFFD", read.ExtensionData!["X"].GetString());
    }

    [Fact]
    public void Any_serializer_options_read_and_write_a_generated_type_as_the_daemon_sent_it()
    {
        // Reflection's options, and ASP.NET's (camelCase), as an app returning a DTO from an endpoint uses them.
        foreach (var options in new[] { new JsonSerializerOptions(), new JsonSerializerOptions(JsonSerializerDefaults.Web) })
        {
            var read = JsonSerializer.Deserialize<V141.ContainerInspectResponse>(Inspect141, options)!;
            Assert.Equal(Canonical(JsonNode.Parse(Inspect141)), Canonical(JsonNode.Parse(JsonSerializer.Serialize(read, options))));
            Assert.Equal(V141.ContainerStateStatus.Running, read.State!.Status);
            Assert.Equal("\"running\"", JsonSerializer.Serialize(read.State.Status, options));
            Assert.Equal(JsonSerializer.Serialize(read, V141.DockerJsonContext.Default.ContainerInspectResponse), JsonSerializer.Serialize(read, options));
        }
    }

    private static void AssertSameJson<T>(string expected, T value, JsonTypeInfo<T> info) =>
        Assert.Equal(Canonical(JsonNode.Parse(expected)), Canonical(JsonNode.Parse(JsonSerializer.Serialize(value, info))));

    private static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
