using System.Text;
using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>Images in and out: pull and import (<c>/images/create</c>), insert, push.</summary>
internal sealed class ImageTransferRoutes(DaemonState state) : RouteArea(state)
{
    public const string IndexUrl = "https://index.docker.io/v1";

    public override void Register(Router router)
    {
        router.Add("POST", "/images/create", CreateImage);
        router.Add("POST", "/images/{name}/insert", InsertIntoImage);
        router.Add("POST", "/images/{name}/push", PushImage);
    }

    private async Task CreateImage(RouteContext c)
    {
        var formatter = new StreamFormatter(c.Response, c.Version > 1.0, c.Cancellation);
        var fromImage = c.Request.Form("fromImage");
        var tag = c.Request.Form("tag");
        if (fromImage.Length > 0)
            await State.Exclusive($"pull {fromImage}:{tag}", $"{fromImage}:{tag} pull is already in progress", () => PullAsync(formatter, fromImage, tag));
        else
            await ImportAsync(c, formatter, c.Request.Form("fromSrc"), c.Request.Form("repo"), tag);
        if (formatter.Started)
            await formatter.EndAsync();
        else
            await Empty(c, 200);
    }

    private async Task PullAsync(StreamFormatter output, string name, string tag)
    {
        await output.StatusAsync($"Pulling repository {name} from {IndexUrl}");
        if (State.Catalog.Find(name) is not { } tags)
        {
            await output.ErrorAsync("Could not find repository on any of the indexed registries.");
            return;
        }
        if (tag.Length > 0 && !tags.ContainsKey(tag))
        {
            await output.ErrorAsync($"Tag {tag} not found in repositoy {name}");
            return;
        }
        foreach (var (t, chain) in tags.Where(kv => tag.Length == 0 || kv.Key == tag).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            await output.StatusAsync($"Pulling image {chain[0].Id} ({t}) from {name}");
            foreach (var layer in Enumerable.Reverse(chain).Where(l => Graph.Get(l.Id) is null))
            {
                await output.StatusAsync($"Pulling {layer.Id} metadata");
                await output.StatusAsync($"Pulling {layer.Id} fs layer");
                await output.ProgressAsync("Downloading", layer.Size / 2, layer.Size);
                await output.ProgressAsync("Downloading", layer.Size, layer.Size);
                await output.EndProgressAsync();
                Graph.Add(layer);
            }
            Graph.Tag(name, t, chain[0].Id);
        }
    }

    private async Task ImportAsync(RouteContext c, StreamFormatter output, string source, string repository, string tag)
    {
        if (source != "-")
        {
            // The emulator has no network: a URL source fails where the download would start.
            var url = source.Contains("://") ? source : "http://" + source;
            await output.StatusAsync("Downloading from " + url);
            await output.ErrorAsync($"Get {url}: the emulator has no network access; import with fromSrc=- and the tar as the body");
            return;
        }
        var tree = FileTree.FromTar(new MemoryStream(c.Request.Body));
        var image = new Image { Id = Ids.New(), Tree = tree, Size = tree.Size, Comment = "Imported from -" };
        Graph.Add(image);
        if (repository.Length > 0)
            Graph.Tag(repository, tag, image.Id);
        await output.StatusAsync(image.ShortId);
    }

    private async Task InsertIntoImage(RouteContext c)
    {
        var formatter = new StreamFormatter(c.Response, c.Version > 1.0, c.Cancellation);
        var image = Graph.Lookup(c.Name);
        var url = c.Request.Form("url");
        var content = image is null ? null : DataUrl(url);
        if (image is null || content is null)
        {
            // The daemon swallowed a failure that came before any output: 200 and an empty id.
            await Json(c, 200, w => { w.WriteStartObject(); w.WriteString("Id", ""); w.WriteEndObject(); });
            return;
        }
        await formatter.ProgressAsync("Downloading", content.Length / 2, content.Length);
        await formatter.ProgressAsync("Downloading", content.Length, content.Length);
        await formatter.EndProgressAsync();
        var tree = image.Tree.Copy();
        tree.WriteFile(c.Request.Form("path"), content);
        var inserted = new Image { Id = Ids.New(), Parent = image.Id, Tree = tree, Size = content.Length, Config = image.Config,
            ContainerConfig = new ContainerConfig { Cmd = ["/bin/sh", "-c", $"#(nop) ADD {url} in {c.Request.Form("path")}"] } };
        Graph.Add(inserted);
        await formatter.StatusAsync(inserted.Id);
        await formatter.RawAsync($"{{\"Id\":\"{inserted.ShortId}\"}}");
        await formatter.EndAsync();
    }

    /// <summary>The content of a <c>data:</c> URL, the only kind the offline emulator can "download"; null for others.</summary>
    private static byte[]? DataUrl(string url)
    {
        if (!url.StartsWith("data:", StringComparison.Ordinal) || url.IndexOf(',') is var comma && comma < 0)
            return null;
        var meta = url[5..comma];
        var data = url[(comma + 1)..];
        try
        {
            return meta.EndsWith(";base64", StringComparison.Ordinal) ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task PushImage(RouteContext c)
    {
        var name = c.Name;
        (string Username, string Password) credentials;
        if (c.Version > 1.1)
        {
            var body = RequireObject(c, "auth.AuthConfig");
            credentials = (Str(body, "username"), Str(body, "password"));
        }
        else
        {
            credentials = (State.StoredAuth.Username, State.StoredAuth.Password);
        }
        var local = Graph.Repository(name);
        var single = local is null ? Graph.Lookup(name) : null;
        if (local is null && single is null)
            throw new DaemonException("No such image: " + name);
        if (!State.Options.RegistryAccounts.TryGetValue(credentials.Username, out var password) || password != credentials.Password)
            throw new DaemonException("Wrong login/password, please try again");
        var formatter = new StreamFormatter(c.Response, c.Version > 1.0, c.Cancellation);
        await State.Exclusive("push " + name, name + " push is already in progress", async () =>
        {
            var tags = local ?? new Dictionary<string, string> { ["latest"] = single!.Id };
            await formatter.StatusAsync(local is null ? $"The push refers to an image: [{name}]" : $"The push refers to a repository [{name}] (len: {tags.Count})");
            await formatter.StatusAsync("Sending image list");
            await formatter.StatusAsync($"Pushing repository {name} to {IndexUrl} ({tags.Count} tags)");
            foreach (var (tag, id) in tags)
            {
                var chain = Graph.History(Graph.Get(id)!);
                foreach (var layer in Enumerable.Reverse(chain))
                {
                    await formatter.StatusAsync("Pushing " + layer.Id);
                    await formatter.ProgressAsync("Pushing", layer.Size, layer.Size);
                    await formatter.EndProgressAsync();
                }
                await formatter.StatusAsync($"Pushing tags for rev [{id}] on {{https://registry-1.docker.io/v1/repositories/{name}/tags/{tag}}}");
                State.Catalog.Add(name, "Pushed to the emulator", tag, chain);
            }
            await formatter.EndAsync();
        });
    }
}
