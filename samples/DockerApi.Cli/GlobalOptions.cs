using DockerApi.Transport;

namespace DockerApi.Cli;

/// <summary>The docker CLI's global options: where the daemon is and how TLS is set up; the rest is the command.</summary>
internal sealed record GlobalOptions(string? Host, string? Context, bool Tls, bool TlsVerify, string? CaCert, string? Cert, string? Key, List<string> Command)
{
    /// <summary>Takes the global options from the front of <paramref name="args"/> (as docker: before the command).</summary>
    /// <exception cref="ArgumentException">An option lacks its value.</exception>
    public static GlobalOptions Parse(IEnumerable<string> args)
    {
        var rest = args.ToList();
        var options = new GlobalOptions(null, null, false, false, null, null, null, rest);
        while (rest.Count > 0 && rest[0].StartsWith('-') && rest[0] is not ("-h" or "--help"))
        {
            var (name, inline) = rest[0].Split('=', 2) is [var n, var v] ? (n, v) : (rest[0], null);
            rest.RemoveAt(0);
            string Value() => inline ?? (rest.Count > 0 ? Take(rest) : throw new ArgumentException($"{name} needs a value"));
            options = name switch
            {
                "--host" or "-H" => options with { Host = Value() },
                "--context" or "-c" => options with { Context = Value() },
                "--tls" => options with { Tls = true },
                "--tlsverify" => options with { TlsVerify = true },
                "--tlscacert" => options with { CaCert = Value() },
                "--tlscert" => options with { Cert = Value() },
                "--tlskey" => options with { Key = Value() },
                _ => throw new ArgumentException($"unknown option {name}; run 'docker help'"),
            };
        }
        return options;
    }

    /// <summary>Explicit TLS settings, as the docker CLI reads them (any --tlscacert/--tlscert/--tlskey implies --tls); null when none.</summary>
    public DockerTls? ExplicitTls()
    {
        if (!Tls && !TlsVerify && CaCert is null && Cert is null && Key is null)
            return null;
        // As the docker CLI: the files default to ~/.docker/{ca,cert,key}.pem when TLS is asked for without them.
        var folder = DockerApi.Transport.DockerEnvironment.Current.ConfigDirectory;
        string? Default(string? given, string file) => given ?? (File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file) : null);
        return new DockerTls(TlsVerify ? Default(CaCert, "ca.pem") : CaCert, Default(Cert, "cert.pem"), Default(Key, "key.pem"), verify: TlsVerify);
    }

    private static string Take(List<string> list)
    {
        var first = list[0];
        list.RemoveAt(0);
        return first;
    }
}
