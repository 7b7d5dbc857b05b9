using System.Text;
using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

internal sealed partial class Daemon
{
    private const string IndexUrl = "https://index.docker.io/v1";

    private void RegisterImageRoutes()
    {
        _router.Add("GET", "/images/json", ListImages);
        _router.Add("GET", "/images/viz", ImagesViz);
        _router.Add("GET", "/images/search", SearchImages);
        _router.Add("GET", "/images/{name}/history", ImageHistory);
        _router.Add("GET", "/images/{name}/json", InspectImage);
        _router.Add("POST", "/images/create", CreateImage);
        _router.Add("POST", "/images/getCache", GetCache);
        _router.Add("POST", "/images/{name}/insert", InsertIntoImage);
        _router.Add("POST", "/images/{name}/push", PushImage);
        _router.Add("POST", "/images/{name}/tag", TagImage);
        _router.Add("DELETE", "/images/{name}", DeleteImage);
        _router.Add("POST", "/commit", Commit);
        _router.Add("POST", "/build", Build);
    }

    private long VirtualSize(Image image) => Graph.History(image).Sum(i => i.Size);

    private Task ListImages(RouteContext c)
    {
        var all = c.Bool("all");
        var filter = c.Request.Form("filter");
        var images = Graph.Images;
        var rows = new List<(string? Repository, string? Tag, Image Image)>();
        foreach (var (repository, tag, id) in Graph.Names)
        {
            if (filter.Length > 0 && repository != filter)
                continue;
            if (Graph.Get(id) is { } image)
                rows.Add((repository, tag, image));
        }
        if (filter.Length == 0)
        {
            var named = Graph.Names.Select(n => n.Id).ToHashSet();
            var parents = images.Select(i => i.Parent).ToHashSet();
            // all=0 lists only heads: images no other image is built on.
            rows.AddRange(images.Where(i => !named.Contains(i.Id) && (all || !parents.Contains(i.Id))).OrderByDescending(i => i.Created).Select(i => ((string?)null, (string?)null, i)));
        }
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var (repository, tag, image) in rows)
            {
                w.WriteStartObject();
                if (repository is not null)
                    w.WriteString("Repository", repository);
                if (tag is not null)
                    w.WriteString("Tag", tag);
                w.WriteString("Id", image.Id);
                w.WriteNumber("Created", image.Created.ToUnixTimeSeconds());
                w.WriteNumber("Size", image.Size);
                w.WriteNumber("VirtualSize", VirtualSize(image));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task ImagesViz(RouteContext c)
    {
        var text = new StringBuilder("digraph docker {\n");
        foreach (var image in Graph.Images.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            if (image.Parent.Length > 0)
                text.Append($" \"{image.Parent[..12]}\" -> \"{image.ShortId}\"\n");
            else
                text.Append($" base -> \"{image.ShortId}\" [style=invis]\n");
        }
        foreach (var group in Graph.Names.GroupBy(n => n.Id))
            text.Append($" \"{group.Key[..12]}\" [label=\"{group.Key[..12]}\\n{string.Join("\\n", group.Select(n => n.Repository + ":" + n.Tag))}\",shape=box,fillcolor=\"paleturquoise\",style=\"filled,rounded\"];\n");
        text.Append(" base [style=invisible]\n}\n");
        return c.Response.WriteTextAsync(200, "text/plain; charset=utf-8", text.ToString(), c.Cancellation);
    }

    private Task SearchImages(RouteContext c)
    {
        var results = Catalog.Search(c.Request.Form("term"));
        return Json(c, 200, w =>
        {
            if (results.Count == 0)
            {
                w.WriteNullValue();
                return;
            }
            w.WriteStartArray();
            foreach (var (name, description) in results)
            {
                w.WriteStartObject();
                w.WriteString("Name", name);
                w.WriteString("Description", description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task ImageHistory(RouteContext c)
    {
        var image = Graph.Lookup(c.Name) ?? throw new DaemonException("Image does not exist: " + c.Name);
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var layer in Graph.History(image))
            {
                w.WriteStartObject();
                w.WriteString("Id", layer.ShortId);
                var names = Graph.NamesOf(layer.Id);
                if (names.Count > 0)
                    GoJson.WriteList(w, "Tags", names);
                w.WriteNumber("Created", layer.Created.ToUnixTimeSeconds());
                var createdBy = string.Join(' ', layer.ContainerConfig.Cmd ?? []);
                if (createdBy.Length > 0)
                    w.WriteString("CreatedBy", createdBy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task InspectImage(RouteContext c)
    {
        var image = Graph.Require(c.Name);
        return Json(c, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", image.Id);
            if (image.Parent.Length > 0)
                w.WriteString("parent", image.Parent);
            if (image.Comment.Length > 0)
                w.WriteString("comment", image.Comment);
            w.WriteString("created", GoJson.Time(image.Created));
            if (image.Container.Length > 0)
                w.WriteString("container", image.Container);
            w.WritePropertyName("container_config");
            image.ContainerConfig.Write(w);
            w.WriteString("docker_version", image.DockerVersion);
            if (image.Author.Length > 0)
                w.WriteString("author", image.Author);
            if (image.Config is { } config)
            {
                w.WritePropertyName("config");
                config.Write(w);
            }
            w.WriteString("architecture", "x86_64");
            w.WriteNumber("Size", image.Size);
            w.WriteEndObject();
        });
    }

    private Task TagImage(RouteContext c)
    {
        _ = c.Bool("force"); // parsed, and ignored, as by the daemon
        var image = Graph.Lookup(c.Name) ?? throw new DaemonException("Image does not exist: " + c.Name);
        Graph.Tag(c.Request.Form("repo"), c.Request.Form("tag"), image.Id);
        return Empty(c, 201);
    }

    private Task DeleteImage(RouteContext c)
    {
        var name = c.Name;
        var image = Graph.Require(name);
        if (c.Version <= 1.1)
        {
            // Before 1.2 the image left the graph at once: no tag or child checks, nothing listed.
            Graph.Delete(image.Id);
            return Empty(c, 204);
        }
        var effects = new List<(string Key, string Id)>();
        var untagged = new List<string>();
        var (repository, tag) = Graph.Split(name);
        var explicitTag = name.Contains(':') && !name[(name.LastIndexOf(':') + 1)..].Contains('/');
        if (Graph.Repository(repository) is { } tags)
        {
            // Without a tag the whole repository is untagged.
            foreach (var (t, id) in tags.Where(t => !explicitTag || t.Key == tag))
            {
                Graph.Untag(repository, t);
                effects.Add(("Untagged", id[..12]));
                untagged.Add(id);
            }
            if (explicitTag && untagged.Count == 0)
                throw new DaemonException($"No such tag: {repository}:{tag}");
        }
        foreach (var id in untagged.Append(image.Id).Distinct())
            Prune(id, effects);
        if (effects.Count == 0)
            throw new DaemonException($"Conflict, {name} wasn't deleted");
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var (key, id) in effects)
            {
                w.WriteStartObject();
                w.WriteString(key, id);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>Deletes an image left without names, with its unreferenced children, then its unreferenced parents.</summary>
    private void Prune(string id, List<(string Key, string Id)> effects)
    {
        if (Graph.Get(id) is not { } image || Graph.NamesOf(id).Count > 0)
            return;
        foreach (var child in Graph.ChildrenOf(id))
            Prune(child.Id, effects);
        if (Graph.ChildrenOf(id).Any())
            return;
        Graph.Delete(id);
        effects.Add(("Deleted", image.ShortId));
        if (image.Parent.Length > 0)
            Prune(image.Parent, effects);
    }

    private async Task CreateImage(RouteContext c)
    {
        var formatter = new StreamFormatter(c.Response, c.Version > 1.0, c.Cancellation);
        var fromImage = c.Request.Form("fromImage");
        var tag = c.Request.Form("tag");
        if (fromImage.Length > 0)
            await Exclusive($"pull {fromImage}:{tag}", $"{fromImage}:{tag} pull is already in progress", () => PullAsync(formatter, fromImage, tag));
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
        if (Catalog.Find(name) is not { } tags)
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
            lock (_gate)
                credentials = (_storedAuth.Username, _storedAuth.Password);
        }
        var local = Graph.Repository(name);
        var single = local is null ? Graph.Lookup(name) : null;
        if (local is null && single is null)
            throw new DaemonException("No such image: " + name);
        if (!_options.RegistryAccounts.TryGetValue(credentials.Username, out var password) || password != credentials.Password)
            throw new DaemonException("Wrong login/password, please try again");
        var formatter = new StreamFormatter(c.Response, c.Version > 1.0, c.Cancellation);
        await Exclusive("push " + name, name + " push is already in progress", async () =>
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
                Catalog.Add(name, "Pushed to the emulator", tag, chain);
            }
            await formatter.EndAsync();
        });
    }

    private Task Commit(RouteContext c)
    {
        var container = RequireContainer(c.Request.Form("container"));
        ContainerConfig? config = null;
        try
        {
            config = ParseBody(c) is { } body ? ContainerConfig.Parse(body) : null;
        }
        catch (DaemonException)
        {
            // A missing or invalid configuration is ignored, as by the daemon.
        }
        var image = CommitContainer(container, config, c.Request.Form("comment"), c.Request.Form("author"));
        var repository = c.Request.Form("repo");
        if (repository.Length > 0)
            Graph.Tag(repository, c.Request.Form("tag"), image.Id);
        return Json(c, 201, w => { w.WriteStartObject(); w.WriteString("Id", image.ShortId); w.WriteEndObject(); }, "text/plain; charset=utf-8");
    }

    private Image CommitContainer(Container container, ContainerConfig? config, string comment, string author)
    {
        var parent = Graph.Get(container.ImageId);
        var tree = container.Tree.Copy();
        var changes = tree.ChangesFrom(parent?.Tree ?? new FileTree());
        var image = new Image
        {
            Id = Ids.New(),
            Parent = container.ImageId,
            Comment = comment,
            Author = author,
            Container = container.Id,
            ContainerConfig = container.Config.Clone(),
            Config = config ?? parent?.Config,
            Tree = tree,
            Size = changes.Where(x => x.Kind != 2).Sum(x => (long)(tree.Get(x.Path)?.Content.Length ?? 0)),
        };
        Graph.Add(image);
        return image;
    }

    private Task GetCache(RouteContext c)
    {
        var body = RequireObject(c, "docker.APIImageConfig");
        var parentId = Str(body, "Id");
        var config = ContainerConfig.Parse(body);
        var wanted = GoJson.Text(config.Write);
        var cached = Graph.ChildrenOf(parentId).FirstOrDefault(i => GoJson.Text(i.ContainerConfig.Write) == wanted);
        return cached is null
            ? Empty(c, 404)
            : Json(c, 200, w => { w.WriteStartObject(); w.WriteString("Id", cached.Id); w.WriteEndObject(); });
    }

    private static string Str(JsonElement body, string key) =>
        body.ValueKind == JsonValueKind.Object && body.EnumerateObject().FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p
            ? p.Value.GetString()!
            : "";
}
