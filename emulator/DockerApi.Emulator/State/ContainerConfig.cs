using System.Text.Json;

namespace DockerApi.Emulator.State;

/// <summary>The daemon's Config struct: create body, inspect <c>Config</c>, image <c>config</c>.</summary>
internal sealed class ContainerConfig
{
    public string Hostname { get; set; } = "";
    public string User { get; set; } = "";
    public long Memory { get; set; }
    public long MemorySwap { get; set; }
    public long CpuShares { get; set; }
    public bool AttachStdin { get; set; }
    public bool AttachStdout { get; set; }
    public bool AttachStderr { get; set; }
    public List<string>? PortSpecs { get; set; }
    public bool Tty { get; set; }
    public bool OpenStdin { get; set; }
    public bool StdinOnce { get; set; }
    public List<string>? Env { get; set; }
    public List<string>? Cmd { get; set; }
    public List<string>? Dns { get; set; }
    public string Image { get; set; } = "";
    public List<string>? Volumes { get; set; }
    public string VolumesFrom { get; set; } = "";

    public ContainerConfig Clone() => (ContainerConfig)MemberwiseClone();

    /// <summary>Reads a Config object as Go's decoder did: keys case-insensitive, unknown keys ignored.</summary>
    public static ContainerConfig Parse(JsonElement json)
    {
        var config = new ContainerConfig();
        if (json.ValueKind != JsonValueKind.Object)
            throw new DaemonException("json: cannot unmarshal " + json.ValueKind.ToString().ToLowerInvariant() + " into Go value of type docker.Config");
        foreach (var p in json.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name.ToLowerInvariant())
            {
                case "hostname": config.Hostname = Str(v); break;
                case "user": config.User = Str(v); break;
                case "memory": config.Memory = Long(v); break;
                case "memoryswap": config.MemorySwap = Long(v); break;
                case "cpushares": config.CpuShares = Long(v); break;
                case "attachstdin": config.AttachStdin = Bool(v); break;
                case "attachstdout": config.AttachStdout = Bool(v); break;
                case "attachstderr": config.AttachStderr = Bool(v); break;
                case "portspecs": config.PortSpecs = List(v); break;
                case "tty": config.Tty = Bool(v); break;
                case "openstdin": config.OpenStdin = Bool(v); break;
                case "stdinonce": config.StdinOnce = Bool(v); break;
                case "env": config.Env = List(v); break;
                case "cmd": config.Cmd = List(v); break;
                case "dns": config.Dns = List(v); break;
                case "image": config.Image = Str(v); break;
                case "volumes": config.Volumes = v.ValueKind == JsonValueKind.Object ? v.EnumerateObject().Select(o => o.Name).ToList() : null; break;
                case "volumesfrom": config.VolumesFrom = Str(v); break;
            }
        }
        return config;
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("Hostname", Hostname);
        w.WriteString("User", User);
        w.WriteNumber("Memory", Memory);
        w.WriteNumber("MemorySwap", MemorySwap);
        w.WriteNumber("CpuShares", CpuShares);
        w.WriteBoolean("AttachStdin", AttachStdin);
        w.WriteBoolean("AttachStdout", AttachStdout);
        w.WriteBoolean("AttachStderr", AttachStderr);
        GoJson.WriteList(w, "PortSpecs", PortSpecs);
        w.WriteBoolean("Tty", Tty);
        w.WriteBoolean("OpenStdin", OpenStdin);
        w.WriteBoolean("StdinOnce", StdinOnce);
        GoJson.WriteList(w, "Env", Env);
        GoJson.WriteList(w, "Cmd", Cmd);
        GoJson.WriteList(w, "Dns", Dns);
        w.WriteString("Image", Image);
        w.WritePropertyName("Volumes");
        if (Volumes is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStartObject();
            foreach (var volume in Volumes)
            {
                w.WriteStartObject(volume);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteString("VolumesFrom", VolumesFrom);
        w.WriteEndObject();
    }

    private static string Str(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Null => "",
        _ => throw Mismatch(v, "string"),
    };

    private static long Long(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetInt64(out var n) => n,
        JsonValueKind.Null => 0,
        _ => throw Mismatch(v, "int64"),
    };

    private static bool Bool(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw Mismatch(v, "bool"),
    };

    private static List<string>? List(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Array => v.EnumerateArray().Select(Str).ToList(),
        JsonValueKind.Null => null,
        _ => throw Mismatch(v, "[]string"),
    };

    private static DaemonException Mismatch(JsonElement v, string type) =>
        new($"json: cannot unmarshal {v.ValueKind.ToString().ToLowerInvariant()} into Go value of type {type}");
}
